// The pins control: what a pipeline runs must not change under it (actions by tag, images by
// tag, curl | sh, unpinned packages) (evaluate/pins/).
#include <algorithm>
#include <set>

#include "collect/change_collector.h"
#include "collect/forge/review_sources.h"
#include "core/text.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/local_callers.h"
#include "evaluate/pins/online_pins.h"
#include "evaluate/pins/pins_evaluator.h"
#include "policy/pins_rules.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"
#include "run/forge_clients.h"
#include "run/pin_resolution.h"

namespace riskgate::run::controls {
namespace {

constexpr std::size_t kMaxActionLookups = 30;      // repositories per run (rate limits)
constexpr std::size_t kMaxCallerWorkflows = 1000;  // workflows read for local callers
constexpr std::size_t kMaxCallerBytes = 8 << 20;   // and their bytes

class PinsControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::pins::kControl; }

  bool WantsDocument(std::string_view path, const policy::Policy& policy,
                     const evaluate::RepositoryLayout& layout) const override {
    return evaluate::pins::WantsDocument(path, policy.pins, layout);
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& layout) const override {
    return {evaluate::pins::EvaluatePins(
        facts.files, policy.pins, layout,
        policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn), facts.pin_lookups)};
  }

  core::Result<void> Gather(const policy::Policy& policy, GatherContext& context,
                            collect::ChangeFacts& facts) const override {
    if (!policy.pins.enabled) return {};
    if (auto callers = GatherCallers(policy, context, facts); !callers) return callers;
    return GatherOnline(policy, context, facts);
  }

  // What the workflows of the judged state pass to the repository's own actions and reusable
  // workflows, when the change touches a workflow or an action (their inputs are the
  // attacker's where some workflow passes them the attacker's text).
  static core::Result<void> GatherCallers(const policy::Policy& policy, GatherContext& context,
                                          collect::ChangeFacts& facts) {
    const bool touches = std::any_of(facts.files.begin(), facts.files.end(), [](const auto& file) {
      const auto kind = evaluate::pins::ClassifyPath(file.path);
      return kind == evaluate::pins::FileKind::kGithubWorkflow ||
             kind == evaluate::pins::FileKind::kActionMetadata;
    });
    if (!touches) return {};
    auto paths = collect::ListJudgedPaths(context.repo, context.scope);
    if (!paths) return tl::unexpected(paths.error());
    // The change's own workflows first, whole (they are judged anyway, and padding the
    // repository with workflows must not push a new caller out of the budget), then the rest.
    std::vector<std::pair<std::string, std::string>> workflows;
    std::set<std::string, std::less<>> taken;
    for (const auto& file : facts.files) {
      if (evaluate::pins::ClassifyPath(file.path) != evaluate::pins::FileKind::kGithubWorkflow) {
        continue;
      }
      workflows.emplace_back(file.path, file.content);
      taken.insert(file.path);
    }
    std::size_t bytes = 0;
    for (const std::string& path : *paths) {
      if (evaluate::pins::ClassifyPath(path) != evaluate::pins::FileKind::kGithubWorkflow ||
          taken.contains(path)) {
        continue;
      }
      if (workflows.size() >= kMaxCallerWorkflows || bytes >= kMaxCallerBytes) {
        // Fewer callers read can only leave an input the caller's (script-injection-input).
        facts.scope.notes.push_back(
            "pins: the callers of the repository's own actions were read in " +
            core::Plural(static_cast<long long>(workflows.size()), "workflow") +
            " only (the change's and the first others); an input fed the attacker's text in "
            "another is judged as a caller's");
        break;
      }
      auto text = collect::ReadJudgedFile(context.repo, context.scope, path);
      if (!text) return tl::unexpected(text.error());
      if (!*text) continue;
      bytes += (*text)->size();
      workflows.emplace_back(path, std::move(**text));
    }
    facts.pin_lookups.callers =
        evaluate::pins::FindLocalCallers(workflows, policy.pins.untrusted_outputs);
    // Where those callees expand their inputs: a change that only adds a caller makes the
    // injection there. A reusable workflow was read above already.
    for (const auto& [callee, inputs] : facts.pin_lookups.callers) {
      const bool workflow = evaluate::pins::IsWorkflowCallee(callee);
      const auto kind = workflow ? evaluate::pins::GithubFileKind::kWorkflow
                                 : evaluate::pins::GithubFileKind::kActionMetadata;
      for (const std::string& path : evaluate::pins::LocalCalleeFiles(callee)) {
        const auto read = std::find_if(workflows.begin(), workflows.end(),
                                       [&](const auto& w) { return w.first == path; });
        const std::string* text = read != workflows.end() ? &read->second : nullptr;
        core::Result<std::optional<std::string>> judged = std::nullopt;
        if (text == nullptr) {
          judged = collect::ReadJudgedFile(context.repo, context.scope, path);
          if (!judged) return tl::unexpected(judged.error());
          if (*judged) text = &**judged;
        }
        if (text == nullptr) continue;
        facts.pin_lookups.callee_sinks[callee] =
            evaluate::pins::InputsReachingSinks(*text, path, kind, policy.pins);
        break;
      }
    }
    return {};
  }

  // The online checks' facts: what GitHub says about each action the change uses.
  static core::Result<void> GatherOnline(const policy::Policy& policy, GatherContext& context,
                                         collect::ChangeFacts& facts) {
    // `riskgate check` only: the worktree audits behind `fix pins`, `risk` and `threat-model`
    // report no pins decision.
    if (!policy.pins.online_checks || !context.request.resolve_pins) {
      return {};
    }
    const auto wanted = evaluate::pins::PinsToLookUp(facts.files);
    if (wanted.empty()) return {};
    std::string skipped;
    if (!NetworkAllowed(context.scope.mode, context.env)) {
      skipped = "a staged or worktree check calls no API unless RISKGATE_NETWORK=1";
    } else if (GithubToken(context.env).empty()) {
      skipped = "no GitHub token (RISKGATE_GITHUB_TOKEN or GITHUB_TOKEN)";
    }
    if (!skipped.empty()) {
      facts.pin_lookups.skipped = skipped;
      facts.scope.notes.push_back(
          "pins: the online checks of " +
          core::Plural(static_cast<long long>(wanted.size()), "action") +
          " (impostor-commit, ref-version-mismatch, stale-action-refs, ref-confusion, "
          "archived-uses, known-vulnerable-actions) did not run: " +
          skipped);
      return {};
    }
    auto client = GithubClient(policy.reviews.forge, context.env);
    if (!client) return tl::unexpected(client.error());
    std::size_t looked = 0;
    for (const auto& [repository, commits] : wanted) {
      if (++looked > kMaxActionLookups) {
        facts.scope.notes.push_back("pins: the online checks looked up the first " +
                                    std::to_string(kMaxActionLookups) + " of " +
                                    std::to_string(wanted.size()) + " actions");
        break;
      }
      if (!collect::forge::IsRepositoryName(repository)) {
        // No action GitHub could run: nothing to ask about (the workflow fails on it).
        facts.scope.notes.push_back("pins: the online checks skipped '" + repository +
                                    "', which is no GitHub repository name");
        continue;
      }
      auto action = collect::forge::LookUpAction(*client, repository, commits);
      // A repository the token cannot see (private, renamed, gone) is said, not guessed at;
      // any other failure ends the run.
      if (!action && collect::forge::IsNotFound(action.error())) {
        facts.scope.notes.push_back("pins: the online checks could not look up " + repository +
                                    " (not found, or the token may not see it)");
        continue;
      }
      if (!action) return tl::unexpected(action.error());
      facts.pin_lookups.actions[repository] = std::move(*action);
    }
    return {};
  }

  // The fix remedy names the exact commit a tag points at when the run may ask GitHub.
  void RefineRemedies(std::vector<core::Finding>& findings, const policy::Policy& policy,
                      GatherContext& context) const override {
    if (context.request.resolve_pins && NetworkAllowed(context.scope.mode, context.env)) {
      ResolvePinRemedies(findings, policy, context.env);
    }
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    const auto* rule = policy::FindPinsRule(id);
    if (rule == nullptr) return false;
    e.control = std::string(Name());
    e.description = std::string(rule->description);
    e.why = std::string(rule->why);
    e.matches = {std::string(rule->description)};
    auto it = policy.pins.severity.find(std::string(id));
    e.severity = it != policy.pins.severity.end() ? it->second : rule->severity;
    e.fix = std::string(rule->fix);
    e.mitigate = std::string(rule->mitigate);
    e.applies =
        "to the pipeline files the control reads (workflows, action.yml, GitLab CI, "
        "Dockerfiles, shell scripts, .pre-commit-config.yaml, .github/dependabot.yml)";
    e.origin = "built-in";
    if (!policy.pins.enabled || policy.pins.disabled_rules.contains(std::string(id))) {
      e.applies = "never: disabled by the policy";
    }
    return true;
  }

  bool On(const policy::Policy& policy) const override { return policy.pins.enabled; }

  std::string Summary(const policy::Policy& policy) const override {
    return std::string("pins: ") + OnOff(policy.pins.enabled) + "\n";
  }
};

}  // namespace

const Control& Pins() {
  static const PinsControl control;
  return control;
}

}  // namespace riskgate::run::controls
