#include "run/judge_change.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>

#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "collect/run_identity.h"
#include "core/progress.h"
#include "evaluate/evaluate.h"
#include "evaluate/pins/secure_defaults.h"
#include "run/forge_clients.h"
#include "run/named_files.h"

namespace riskgate::run {
namespace {

// The scope to judge: the flags when given, else what the environment says.
core::Result<collect::ScopeChoice> ChooseScope(const JudgeRequest& options,
                                               collect::GitRepository& repo) {
  auto mode = ExplicitMode(options);
  if (!mode) return tl::unexpected(mode.error());
  core::Result<collect::ScopeChoice> chosen =
      *mode ? core::Result<collect::ScopeChoice>(
                  collect::ScopeChoice{**mode, options.base, options.head, "", ""})
            : collect::DetectScope(collect::ProcessEnvironment(), repo);
  if (!chosen) return tl::unexpected(chosen.error());
  return WithNamedFiles(options.files, std::move(*chosen), repo);
}

// The commit whose policy files judge a range (its base) or a CI platform's audit (the default
// branch), or empty for the working tree.
core::Result<std::string> PolicyRevision(const collect::ScopeChoice& scope,
                                         collect::GitRepository& repo) {
  if (!scope.policy_revision.empty()) return repo.ResolveCommit(scope.policy_revision);
  if (scope.mode != core::ScanMode::kRange || scope.base == collect::kEmptyTreeId) {
    return std::string();
  }
  return repo.ResolveCommit(scope.base);
}

}  // namespace

long long NowSeconds() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return static_cast<long long>(*day) * 86400 + 43200;
  }
  return static_cast<long long>(std::time(nullptr));
}

core::Result<core::Day> Today() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return *day;
    return core::MakeError(
        core::ErrorCode::kUsage,
        "RISKGATE_NOW must be a date YYYY-MM-DD, not '" + std::string(now) + "'");
  }
  return core::DayOfUnixTime(static_cast<long long>(std::time(nullptr)));
}

core::Result<std::optional<core::ScanMode>> ExplicitMode(const JudgeRequest& options) {
  const int chosen =
      (options.staged ? 1 : 0) + (options.worktree ? 1 : 0) + (!options.base.empty() ? 1 : 0);
  if (chosen > 1) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "choose one scope: --staged, --worktree or --base REV [--head REV]");
  }
  if (!options.head.empty() && options.base.empty()) {
    return core::MakeError(core::ErrorCode::kUsage, "--head needs --base");
  }
  if (options.worktree) return core::ScanMode::kWorktree;
  if (!options.base.empty()) return core::ScanMode::kRange;
  if (options.staged) return core::ScanMode::kStaged;
  return std::optional<core::ScanMode>();
}

core::Result<Judgement> JudgeChange(const JudgeRequest& options, ControlTable controls) {
  const collect::EnvReader environment = collect::ProcessEnvironment();
  auto& progress = core::RunProgress();
  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) return tl::unexpected(repo.error());
  auto scope = ChooseScope(options, **repo);
  if (!scope) return tl::unexpected(scope.error());
  // A range's commits are walked on another core while the trusted policy is found and read
  // (its merge base walks the same histories on this one).
  if (scope->mode == core::ScanMode::kRange) {
    collect::WalkRangeAhead(**repo, scope->base, scope->head);
  }
  auto today = Today();
  if (!today) return tl::unexpected(today.error());
  auto revision = PolicyRevision(*scope, **repo);
  if (!revision) return tl::unexpected(revision.error());
  PolicyFiles policy_files(**repo, *revision);
  // A CI run judging a range is the gate a change must pass: what it cannot scan blocks there
  // (hooks and local runs warn). In any CI run, a range or an audit under the default branch's
  // policy, a `riskgate:allow` that the judged code wrote is not its own waiver.
  const bool in_ci = collect::UnderCi(environment);
  // A CI audit under the default branch's policy of a checkout that is not that branch (a
  // manual or comment-triggered run on the author's branch) judges the author's code: a gate too.
  bool branch_audit = false;
  if (in_ci && !scope->policy_revision.empty()) {
    auto head = (*repo)->Head();
    if (!head) return tl::unexpected(head.error());
    branch_audit = !*head || **head != *revision;
  }
  RunSettings settings;
  settings.judgement = true;
  settings.gate_run = in_ci && (scope->mode == core::ScanMode::kRange || branch_audit);
  settings.ci_judgement = settings.gate_run || (in_ci && !scope->policy_revision.empty());
  settings.uncapped = options.uncapped;
  auto inputs = LoadRiskInputs(options.policy, policy_files, (*repo)->Workdir(), settings);
  if (!inputs) return tl::unexpected(inputs.error());
  const policy::Policy* policy = &inputs->policy;

  collect::ScopeRequest request;
  request.mode = scope->mode;
  request.only_paths = scope->only_paths;
  request.base = scope->base;
  request.head = scope->head;
  request.max_file_bytes = options.max_file_bytes.value_or(policy->limits.max_file_bytes);
  progress.stage = core::RunStage::kCollecting;
  auto layout = evaluate::DiscoverLayout(
      *policy,
      [&](const std::string& path) { return collect::ReadJudgedFile(**repo, request, path); },
      [&] { return collect::ListJudgedPaths(**repo, request); });
  if (!layout) return tl::unexpected(layout.error());
  const auto wants_document = [&policy = *policy, controls](std::string_view path,
                                                            const evaluate::RepositoryLayout& in) {
    return std::any_of(controls.begin(), controls.end(), [&](const Control* control) {
      return control->WantsDocument(path, policy, in);
    });
  };
  request.wants_document = [&wants_document, &layout = *layout](std::string_view path) {
    return wants_document(path, layout);
  };
  // A file whose role the change gave it (a new GitLab include) is judged whole, untouched or
  // not: nothing in its old version was judged as what it now is.
  core::Result<evaluate::RepositoryLayout> base_layout = evaluate::RepositoryLayout{};
  if (request.mode != core::ScanMode::kWorktree) {
    base_layout = evaluate::DiscoverLayout(
        *policy,
        [&](const std::string& path) { return collect::ReadBaseFile(**repo, request, path); },
        [&] { return collect::ListBasePaths(**repo, request); });
    if (!base_layout) return tl::unexpected(base_layout.error());
  }
  if (base_layout->gitlab_ci_includes != layout->gitlab_ci_includes) {
    request.role_changed = [&wants_document, &before = *base_layout,
                            &now = *layout](std::string_view path) {
      return wants_document(path, now) && evaluate::RoleChanged(path, before, now);
    };
  }
  request.wants_tree = std::any_of(controls.begin(), controls.end(), [&](const Control* control) {
    return control->WantsTree(*policy);
  });
  std::vector<std::function<bool(std::string_view)>> context_tests;
  std::vector<std::function<bool(std::string_view, std::string_view)>> lines_tests;
  for (const Control* control : controls) {
    auto tests = control->Tests(*policy);
    if (tests.context) context_tests.push_back(std::move(tests.context));
    if (tests.lines) lines_tests.push_back(std::move(tests.lines));
  }
  request.context_may_find = [tests = std::move(context_tests)](std::string_view text) {
    return std::any_of(tests.begin(), tests.end(), [&](const auto& test) { return test(text); });
  };
  // A document's added lines tell the pins control what is new in it.
  request.lines_may_find = [&wants = request.wants_document, tests = std::move(lines_tests)](
                               std::string_view path, std::string_view text) {
    return (wants && wants(path)) || std::any_of(tests.begin(), tests.end(), [&](const auto& test) {
             return test(path, text);
           });
  };
  auto facts = collect::CollectChange(**repo, request);
  if (!facts) return tl::unexpected(facts.error());
  facts->context = collect::DetectRunContext(environment, **repo);
  facts->scope.detected_by = scope->source;
  GatherContext context{**repo, request, environment, options, policy_files, NowSeconds()};
  for (const Control* control : controls) {
    if (auto gathered = control->Gather(*policy, context, *facts); !gathered) {
      return tl::unexpected(gathered.error());
    }
  }

  progress.stage = core::RunStage::kEvaluating;
  evaluate::Evaluation evaluation = EvaluateControls(*facts, *policy, *layout, controls);
  for (const Control* control : controls) {
    control->RefineRemedies(evaluation.findings, *policy, context);
  }
  progress.stage = core::RunStage::kDeciding;
  decide::DecideOptions decide_options;
  decide_options.keep_preexisting = options.all_findings;
  decide_options.waivers = {&inputs->waivers, *today, scope->mode == core::ScanMode::kWorktree};
  decide_options.baseline = &inputs->baseline;
  decide_options.suppressed_inline = evaluation.suppressed_inline;
  decide_options.inline_ignored = evaluation.inline_ignored;
  decide::Verdict verdict = decide::Decide(std::move(evaluation.findings), *policy, decide_options);
  core::RunIdentity identity =
      collect::DetectRunIdentity(environment, **repo, facts->context, context.now);
  std::vector<std::string> controls_on;
  for (const Control* control : controls) {
    if (control->On(*policy)) controls_on.emplace_back(control->Name());
  }
  // A worktree audit read every pipeline file: how far they adopted secure defaults.
  std::optional<core::SecureDefaults> secure_defaults;
  if (request.mode == core::ScanMode::kWorktree && policy->pins.enabled &&
      !facts->scope.named_files) {
    secure_defaults = evaluate::pins::CountSecureDefaults(facts->files, *layout);
  }
  return Judgement{std::move(*repo),       std::move(*inputs),        *today,
                   std::move(*facts),      std::move(verdict),        std::move(identity),
                   std::move(controls_on), std::move(secure_defaults)};
}

}  // namespace riskgate::run
