#include "evaluate/pins/workflow_hazards.h"

#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

std::string ScalarOf(const Node* node) {
  return node != nullptr && node->kind == Node::Kind::kScalar ? node->scalar : std::string();
}

// `ACTIONS_ALLOW_UNSECURE_COMMANDS` set to a true value (or an expression, which may be true)
// in one `env:` map.
void CheckEnv(const Node* env, std::vector<PinIssue>& out) {
  if (env == nullptr || !env->IsMap()) return;
  for (std::size_t i = 0; i < env->fields.size(); ++i) {
    const auto& [name, value] = env->fields[i];
    if (core::AsciiLower(name) != "actions_allow_unsecure_commands") continue;
    const std::string set = core::AsciiLower(core::TrimSpace(ScalarOf(&value)));
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
  const std::string condition = ScalarOf(node);
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

bool UnsoundContains(std::string_view condition) {
  static const core::Regex literal_first(
      R"((?i)\bcontains\(\s*(?:'[^']*'|"[^"]*")\s*,\s*(?:github|env|inputs|vars|steps|needs|matrix)\.)");
  return literal_first.PartialMatch(DotIndexes(condition));
}

std::vector<PinIssue> CheckWorkflowHazards(const Node& root) {
  std::vector<PinIssue> out;
  if (!root.IsMap()) return out;
  const Node* on = root.Find("on");
  if (on == nullptr) on = root.Find("true");  // YAML 1.1 readers turn `on` into true
  auto trigger = [&](const std::string& name, const core::Mark& at) {
    if (name != "pull_request_target" && name != "workflow_run") return;
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
  };
  if (on != nullptr) {
    if (on->kind == Node::Kind::kScalar) trigger(on->scalar, on->mark);
    for (const Node& item : on->items) trigger(item.scalar, item.mark);
    for (std::size_t i = 0; i < on->fields.size(); ++i) {
      trigger(on->fields[i].first, on->key_marks[i]);
    }
  }
  CheckEnv(root.Find("env"), out);
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return out;
  for (const auto& [id, job] : jobs->fields) {
    if (!job.IsMap()) continue;
    CheckEnv(job.Find("env"), out);
    CheckCondition(job.Find("if"), out);
    if (const Node* secrets = job.Find("secrets");
        job.Find("uses") != nullptr && core::TrimSpace(ScalarOf(secrets)) == "inherit") {
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
