#include "evaluate/pins/workflow_hazards.h"

#include <array>
#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// `ACTIONS_ALLOW_UNSECURE_COMMANDS` set to a true value (or an expression, which may be true)
// in one `env:` map.
void CheckEnv(const Node* env, std::vector<PinIssue>& out) {
  if (env == nullptr || !env->IsMap()) return;
  for (std::size_t i = 0; i < env->fields.size(); ++i) {
    const auto& [name, value] = env->fields[i];
    if (core::AsciiLower(name) != "actions_allow_unsecure_commands") continue;
    const std::string set = core::AsciiLower(core::TrimSpace(ScalarOr(&value)));
    const bool expression = set.find("${{") != std::string::npos;
    if (set != "true" && set != "1" && set != "yes" && set != "on" && !expression) continue;
    out.push_back(
        {"insecure-commands",
         env->key_marks[i].line,
         env->key_marks[i].column,
         std::string("ACTIONS_ALLOW_UNSECURE_COMMANDS ") +
             (expression ? "may be set true" : "is set true") +
             ": the deprecated `::set-env` and `::add-path` commands work again, so any text "
             "a step prints (a pull request title, a test's output) can set environment "
             "variables or PATH for the steps after it",
         "remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to $GITHUB_ENV / $GITHUB_PATH "
         "instead",
         "if an old action needs it, isolate that action in its own job without secrets and "
         "with `permissions: {}`",
         {}});
  }
}

// Checks an `if:` condition at `node` (a job's or a step's).
void CheckCondition(const Node* node, std::vector<PinIssue>& out) {
  const std::string condition = ScalarOr(node);
  if (condition.empty()) return;
  if (ComparesBotActor(condition)) {
    out.push_back(
        {"bot-conditions",
         node->mark.line,
         node->mark.column,
         "the condition trusts the actor's name being a bot's: `github.actor` is whoever "
         "caused the latest event, so anyone who makes the bot act on their pull request (a "
         "comment, a rebase) runs this with the bot's trust",
         "decide on what the event says about the change, e.g. "
         "`github.event.pull_request.user.login == 'dependabot[bot]'` together with the "
         "pull request's head repository being this one",
         "keep secrets and write permissions out of the job the condition guards",
         {}});
  }
  if (AlwaysTrue(condition)) {
    out.push_back({"unsound-condition",
                   node->mark.line,
                   node->mark.column,
                   "the condition is text around a ${{ }} expression (a block scalar's "
                   "trailing newline counts), so GitHub reads it as a non-empty string: it is "
                   "always true, whatever the expression says",
                   "write the condition as the expression alone (`if: ${{ … }}`, or without "
                   "${{ }}); for a block scalar use `|-` or `>-`",
                   "",
                   {}});
  }
  if (UnsoundContains(condition)) {
    out.push_back({"unsound-contains",
                   node->mark.line,
                   node->mark.column,
                   "contains() with a string as its first argument tests for a substring, not "
                   "for membership of a list: a ref or name that is part of any item (or spans "
                   "two) passes",
                   "test membership of a list: `contains(fromJSON('[\"refs/heads/main\", "
                   "\"refs/heads/dev\"]'), github.ref)`, or compare with ==",
                   "",
                   {}});
  }
}

// Events a fork (or anyone who can comment or open an issue) can cause.
bool ForkCanTrigger(std::string_view event) {
  return event == "pull_request" || event == "pull_request_target" ||
         event == "pull_request_review" || event == "pull_request_review_comment" ||
         event == "issue_comment" || event == "issues" || event == "discussion" ||
         event == "discussion_comment" || event == "workflow_run";
}

// Whether `runs-on` (a label, a list of labels, or {group, labels}) names a self-hosted runner.
bool SelfHosted(const Node* runs_on) {
  if (runs_on == nullptr) return false;
  auto label = [](const Node& node) {
    return node.kind == Node::Kind::kScalar &&
           core::AsciiLower(core::TrimSpace(node.scalar)) == "self-hosted";
  };
  if (label(*runs_on)) return true;
  for (const Node& item : runs_on->items) {
    if (label(item)) return true;
  }
  if (runs_on->IsMap()) {
    if (runs_on->Find("group") != nullptr) return true;  // runner groups are self-hosted
    if (const Node* labels = runs_on->Find("labels"); labels != nullptr) return SelfHosted(labels);
  }
  return false;
}

// `actions/upload-artifact` at `ref` uploads hidden files (a checkout's .git/config, holding the
// token actions/checkout persisted): with `include-hidden-files: true`, or by default in every
// release before v4.4.0 (a tag: `v3`, `v4.3.6`; a commit SHA says no version and counts only
// with the input).
bool UploadsHiddenFiles(std::string_view ref, const Node* with) {
  if (with != nullptr &&
      core::AsciiLower(core::TrimSpace(ScalarOr(with->Find("include-hidden-files")))) == "true") {
    return true;
  }
  static const core::Regex version(R"(v?(\d+)(?:\.(\d+))?(?:\.\d+)*)");
  std::array<std::string_view, 3> groups{};
  if (!version.FullMatch(ref, groups)) return false;
  const auto number = [](std::string_view digits) {
    return digits.size() > 6 ? 1000000 : (digits.empty() ? 0 : std::stoi(std::string(digits)));
  };
  const int major = number(groups[1]);
  const int minor = number(groups[2]);
  return major < 4 || (major == 4 && minor < 4);
}

// Whether an upload's `path:` (one path or several, one per line) includes the workspace root.
bool UploadsWorkspace(const Node* with) {
  if (with == nullptr) return false;
  const std::string paths = ScalarOr(with->Find("path"));
  std::size_t start = 0;
  while (start <= paths.size()) {
    std::size_t end = paths.find('\n', start);
    if (end == std::string::npos) end = paths.size();
    const std::string path(core::TrimSpace(std::string_view(paths).substr(start, end - start)));
    if (path == "." || path == "./" || path == "*" || path == "**" || path == "./*" ||
        path == "${{ github.workspace }}" || path == "${{ github.workspace }}/") {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// A job that checks out with persisted credentials (the default) and then uploads the
// workspace, hidden files included: the token is in the artifact (zizmor's artipacked).
void CheckArtipacked(const Node* steps, std::vector<PinIssue>& out) {
  if (steps == nullptr) return;
  const Node* checkout = nullptr;
  for (const Node& step : steps->items) {
    if (!step.IsMap()) continue;
    const std::string uses = core::AsciiLower(core::TrimSpace(ScalarOr(step.Find("uses"))));
    const Node* with = step.Find("with");
    if (uses.starts_with("actions/checkout@")) {
      const std::string persist =
          with == nullptr ? "" : core::AsciiLower(ScalarOr(with->Find("persist-credentials")));
      if (persist != "false") checkout = &step;
      continue;
    }
    if (checkout == nullptr || !uses.starts_with("actions/upload-artifact@")) continue;
    const std::string ref = uses.substr(uses.find('@') + 1);
    if (!UploadsWorkspace(with) || !UploadsHiddenFiles(ref, with)) continue;
    const Node* at = checkout->Find("uses");
    out.push_back({"artipacked",
                   at->mark.line,
                   at->mark.column,
                   "actions/checkout keeps the job's token in .git/config (persist-credentials "
                   "defaults to true) and a later step uploads the workspace with its hidden "
                   "files: whoever can download the artifact gets the token",
                   "set `with: {persist-credentials: false}` on the checkout (and upload only "
                   "the build output, not the workspace)",
                   "use actions/upload-artifact v4.4.0 or later without include-hidden-files",
                   {step.Find("uses")->mark.line}});
    checkout = nullptr;  // one finding per checkout
  }
}

void CheckSteps(const Node* steps, std::vector<PinIssue>& out) {
  if (steps == nullptr) return;
  for (const Node& step : steps->items) {
    if (!step.IsMap()) continue;
    CheckEnv(step.Find("env"), out);
    CheckCondition(step.Find("if"), out);
  }
}

}  // namespace

bool ComparesBotActor(std::string_view condition) {
  static const core::Regex actor_first(
      R"((?i)github\.(?:actor|triggering_actor)\s*==\s*['"][^'"]*\[bot\]['"])");
  static const core::Regex bot_first(
      R"((?i)['"][^'"]*\[bot\]['"]\s*==\s*github\.(?:actor|triggering_actor)\b)");
  const std::string text = DotIndexes(condition);
  return actor_first.PartialMatch(text) || bot_first.PartialMatch(text);
}

bool AlwaysTrue(std::string_view condition) {
  const std::size_t open = condition.find("${{");
  if (open == std::string_view::npos) return false;  // an expression without ${{ }}
  if (open != 0) return true;                        // text before it
  // The first `}}` outside a string literal ('…', '' inside one) closes the expression; text
  // after it (another expression, a newline) makes the whole a string.
  bool quoted = false;
  for (std::size_t i = 3; i + 1 < condition.size(); ++i) {
    if (condition[i] == '\'') {
      quoted = !quoted;
    } else if (!quoted && condition[i] == '}' && condition[i + 1] == '}') {
      return i + 2 != condition.size();
    }
  }
  return true;  // never closed: not one expression
}

bool UnsoundContains(std::string_view condition) {
  static const core::Regex literal_first(
      R"((?i)\bcontains\(\s*(?:'[^']*'|"[^"]*")\s*,\s*(?:github|env|inputs|vars|steps|needs|matrix)\.)");
  return literal_first.PartialMatch(DotIndexes(condition));
}

std::vector<PinIssue> CheckWorkflowHazards(const Node& root) {
  std::vector<PinIssue> out;
  if (!root.IsMap()) return out;
  bool fork_triggered = false;
  for (const auto& [name, at] : Triggers(root)) {
    fork_triggered = fork_triggered || ForkCanTrigger(name);
    if (name != "pull_request_target" && name != "workflow_run") continue;
    out.push_back(
        {"dangerous-trigger",
         at.line,
         at.column,
         "`" + name +
             "` runs with the base repository's secrets and a write token on an event a fork "
             "can cause: any step that builds, runs or even reads the pull request's files "
             "(its code, its artifacts, its title) hands them that access",
         name == "workflow_run"
             ? std::string("treat the triggering run's artifacts as untrusted data (download "
                           "them to a folder nothing executes, validate before use)")
             : std::string("use `pull_request` (no secrets, read-only token) unless the job "
                           "must write; then check out nothing from the pull request"),
         "set `permissions:` to the least the job needs and keep secrets in an environment "
         "with required reviewers",
         {}});
  }
  CheckEnv(root.Find("env"), out);
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return out;
  for (const auto& [id, job] : jobs->fields) {
    if (!job.IsMap()) continue;
    CheckEnv(job.Find("env"), out);
    CheckCondition(job.Find("if"), out);
    if (const Node* secrets = job.Find("secrets");
        job.Find("uses") != nullptr && core::TrimSpace(ScalarOr(secrets)) == "inherit") {
      out.push_back({"secrets-inherit",
                     secrets->mark.line,
                     secrets->mark.column,
                     "job '" + id +
                         "' hands every secret of the repository and organisation to the "
                         "workflow it calls (`secrets: inherit`), whatever that workflow needs",
                     "pass only the secrets the called workflow declares: `secrets:\n  NAME: "
                     "${{ secrets.NAME }}`",
                     "pin the called workflow to a commit SHA so what receives the secrets "
                     "cannot change",
                     {}});
    }
    CheckSteps(job.Find("steps"), out);
    CheckArtipacked(job.Find("steps"), out);
    if (const Node* runs_on = job.Find("runs-on"); fork_triggered && SelfHosted(runs_on)) {
      out.push_back(
          {"self-hosted-runner",
           runs_on->mark.line,
           runs_on->mark.column,
           "job '" + id +
               "' runs on a self-hosted runner and the workflow runs on events a fork or any "
               "commenter can cause: in a public repository their code runs on your machine, "
               "and a runner that is not ephemeral keeps what they leave for the next job",
           "run jobs that fork events trigger on GitHub-hosted runners",
           "use ephemeral, isolated runners (one job each, no network to internal systems) "
           "and require approval to run workflows from outside collaborators",
           {}});
    }
  }
  return out;
}

std::vector<PinIssue> CheckActionHazards(const Node& root) {
  std::vector<PinIssue> out;
  if (const Node* runs = root.IsMap() ? root.Find("runs") : nullptr; runs != nullptr) {
    CheckSteps(runs->Find("steps"), out);
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
