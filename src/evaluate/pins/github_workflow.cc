#include "evaluate/pins/github_workflow.h"

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/from_shell.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/local_callers.h"
#include "evaluate/pins/parse_issue.h"
#include "evaluate/pins/powershell_analysis.h"
#include "evaluate/pins/shell_build_files.h"
#include "evaluate/pins/workflow_document.h"
#include "evaluate/pins/workflow_env_files.h"
#include "evaluate/pins/workflow_hazards.h"
#include "evaluate/pins/workflow_misuse.h"
#include "evaluate/pins/workflow_permissions.h"
#include "evaluate/pins/workflow_publishing.h"
#include "evaluate/pins/workflow_secrets.h"
#include "evaluate/pins/workflow_taint.h"
#include "evaluate/pins/yaml_lines.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Whether text names the pull request's head: its SHA, ref or number, a pull ref, FETCH_HEAD
// (what a fetch of one left behind). The base's SHA or ref is not the head.
bool NamesPullRequestHead(std::string_view text) {
  const std::string value = core::AsciiLower(DotIndexes(text));
  for (std::string_view marker :
       {"github.event.pull_request.head", "github.event.pull_request.number",
        "github.event.pull_request.merge_commit_sha", "github.event.workflow_run.head",
        "github.event.workflow_run.pull_requests", "github.head_ref", "github.event.number",
        "github.event.issue.number", "refs/pull/", " pull/", "pull/${{", "pull/$", "fetch_head"}) {
    if (value.find(marker) != std::string::npos) return true;
  }
  return false;
}

// Whether a run script checks out the pull request's code: `gh pr checkout`, or a git command
// that moves the work tree (checkout, switch, reset, merge, pull...) where the script or the
// step's env names the head (`git fetch origin refs/pull/N/head && git checkout FETCH_HEAD`).
bool RunChecksOutPullRequest(std::string_view script, const core::Node* env) {
  static const core::Regex gh_checkout(R"((?m)\bgh\b[^;&|\n]*\spr\s+checkout(?:\s|$))");
  static const core::Regex git_moves(
      R"((?m)\bgit\b[^;&|\n]*\s(?:checkout|switch|reset|merge|rebase|cherry-pick|worktree|pull)(?:\s|$))");
  if (gh_checkout.PartialMatch(script)) return true;
  if (!git_moves.PartialMatch(script)) return false;
  if (NamesPullRequestHead(script)) return true;
  if (env == nullptr) return false;
  for (const auto& [name, value] : env->fields) {
    if (value.kind == core::Node::Kind::kScalar && NamesPullRequestHead(value.scalar)) return true;
  }
  return false;
}

class WorkflowChecker {
 public:
  WorkflowChecker(std::string_view text, const policy::PinsControl& pins,
                  const collect::CallerInputs* callers, const collect::CalleeSinks* sinks)
      : lines_(text), pins_(pins), callers_(callers), sinks_(sinks) {}

  // The caller's inputs the checks found expanded into a sink (after Run).
  const std::map<std::string, int>& sunk_inputs() const { return sunk_inputs_; }

  std::vector<PinIssue> Run(const core::Node& root, GithubFileKind kind) {
    if (root.kind != core::Node::Kind::kMap) return std::move(issues_);
    taint_.emplace(root, kind == GithubFileKind::kActionMetadata, pins_.untrusted_outputs,
                   callers_);
    if (kind == GithubFileKind::kActionMetadata) {
      if (const core::Node* runs = root.Find("runs"); runs != nullptr) {
        if (const core::Node* image = runs->Find("image")) {
          const std::string value = ScalarOr(image);
          if (value.starts_with("docker://")) {
            CheckImage(value.substr(9), *image);
          } else if (auto issue = CheckBuildFilePath(value, "the action's `runs.image`")) {
            Add({issue->rule,
                 image->mark.line,
                 image->mark.column,
                 issue->message,
                 issue->fix,
                 "",
                 {}});
          }
        }
        CheckSteps(runs->Find("steps"), /*windows=*/false);
      }
      return std::move(issues_);
    }
    for (const auto& [name, at] : Triggers(root)) {
      // Triggers that run with the base repository's secrets and write token while a pull
      // request (or a comment on one) says what to build.
      if (name == "pull_request_target" || name == "workflow_run" || name == "issue_comment") {
        privileged_trigger_lines_.push_back(at.line);
      }
    }
    CheckPermissions(root);
    if (const core::Node* jobs = root.Find("jobs"); jobs != nullptr) {
      for (const auto& [id, job] : jobs->fields) CheckJob(job);
    }
    for (auto* check : {&CheckPermissionScopes, &CheckPublishing}) {
      for (auto& issue : check(root)) Add(std::move(issue));
    }
    for (auto& issue : CheckEnvironmentFiles(root, lines_, *taint_)) Add(std::move(issue));
    return std::move(issues_);
  }

 private:
  void Add(PinIssue issue) { issues_.push_back(std::move(issue)); }

  void CheckPermissions(const core::Node& root) {
    const core::Node* permissions = root.Find("permissions");
    if (permissions != nullptr) {
      if (ScalarOr(permissions) == "write-all") {
        Add({"excessive-permissions",
             permissions->mark.line,
             permissions->mark.column,
             "the workflow grants every permission to GITHUB_TOKEN (`permissions: write-all`)",
             "declare only what the jobs need, e.g. `permissions: {contents: read}`",
             "give write scopes to the single job that needs them",
             {}});
      }
      return;
    }
    const core::Node* jobs = root.Find("jobs");
    bool every_job_scoped = jobs != nullptr && !jobs->fields.empty();
    if (jobs != nullptr) {
      for (const auto& [id, job] : jobs->fields) {
        every_job_scoped = every_job_scoped && job.Find("permissions") != nullptr;
      }
    }
    if (every_job_scoped) return;
    int anchor = 1;
    std::vector<int> also;
    for (std::size_t i = 0; i < root.fields.size(); ++i) {
      if (root.fields[i].first == "on" || root.fields[i].first == "true") {
        anchor = root.key_marks[i].line;
      }
      if (root.fields[i].first == "jobs") also.push_back(root.key_marks[i].line);
    }
    Add({"excessive-permissions", anchor, 1,
         "the workflow has no top-level `permissions:` block, so GITHUB_TOKEN gets the "
         "repository's default (often read-write) scopes",
         "add at the top level `permissions:\n  contents: read` and grant more per job only "
         "where needed",
         "", also});
  }

  void CheckJob(const core::Node& job) {
    if (job.kind != core::Node::Kind::kMap) return;
    if (const core::Node* uses = job.Find("uses")) {
      CheckUsesNode(*uses);
      CheckLocalCall(job, taint_->AtJob(job));
    }
    if (const core::Node* permissions = job.Find("permissions");
        permissions != nullptr && ScalarOr(permissions) == "write-all") {
      Add({"excessive-permissions",
           permissions->mark.line,
           permissions->mark.column,
           "the job grants every permission to GITHUB_TOKEN (`permissions: write-all`)",
           "list only the scopes this job needs",
           "",
           {}});
    }
    ForEachJobImage(
        job, [this](const std::string& image, const core::Node& at) { CheckImage(image, at); });
    const std::string runs_on = core::AsciiLower(ScalarOr(job.Find("runs-on")));
    CheckSteps(job.Find("steps"), runs_on.find("windows") != std::string::npos);
  }

  void CheckSteps(const core::Node* steps, bool windows) {
    if (steps == nullptr) return;
    ShellAnalyzer shell;  // one per job: a download in one step, run in a later one
    for (const auto& step : steps->items) {
      if (step.kind != core::Node::Kind::kMap) continue;
      const core::Node* uses = step.Find("uses");
      if (uses != nullptr) {
        CheckUsesNode(*uses);
        CheckCheckout(step, *uses);
        CheckScriptInputs(step, *uses);
        CheckLocalCall(step, taint_->AtStep(step));
      }
      const core::Node* run = step.Find("run");
      if (run == nullptr || run->kind != core::Node::Kind::kScalar) continue;
      const int first_line = lines_.BodyFirstLine(*run);
      CheckInjection(run->scalar, first_line, *run, taint_->AtStep(step), /*shell=*/true);
      CheckRunCheckout(step, *run);
      const std::string shell_name = core::AsciiLower(ScalarOr(step.Find("shell")));
      const bool not_posix = shell_name == "pwsh" || shell_name == "powershell" ||
                             shell_name == "cmd" || (windows && shell_name.empty());
      if (!not_posix) {
        AppendShellIssues(shell.Analyze(run->scalar, first_line), issues_);
      } else {
        AppendShellIssues(AnalyzePowerShell(run->scalar, first_line), issues_);
      }
    }
  }

  void CheckUsesNode(const core::Node& uses) {
    if (uses.kind != core::Node::Kind::kScalar) return;
    for (auto& issue : CheckUses(uses.scalar, uses.mark.line, uses.mark.column,
                                 lines_.TrailingComment(uses.mark.line), pins_)) {
      Add(std::move(issue));
    }
  }

  void CheckImage(const std::string& image, const core::Node& at) {
    if (image.empty() || image.find("${{") != std::string::npos) return;  // decided at run time
    const ImagePin pin = CheckImageReference(image);
    if (pin.pinned) return;
    Add({"unpinned-image",
         at.mark.line,
         at.mark.column,
         "container image '" + image + "' is not pinned to a digest (" + pin.reason + ")",
         DigestFixFor(image),
         "",
         {}});
  }

  // Whether a checkout input names the pull request's code: its head ref or SHA, its merge or
  // head ref by number (`refs/pull/${{ github.event.number }}/merge`), the fork's repository.
  static bool NamesPullRequestCode(const core::Node* input) {
    if (input == nullptr || input->kind != core::Node::Kind::kScalar) return false;
    const std::string value = core::AsciiLower(DotIndexes(input->scalar));
    for (std::string_view marker :
         {"github.event.pull_request", "github.event.workflow_run", "github.head_ref",
          "github.event.number", "github.event.issue.number", "github.event.issue.pull_request",
          "refs/pull/", "pull/${{"}) {
      if (value.find(marker) != std::string::npos) return true;
    }
    return false;
  }

  // `repository:` names untrusted code only as the head's (fork's) repository; the base's
  // repository with a head ref is caught by `ref:` itself.
  static bool NamesHeadRepository(const core::Node* found, const core::Node* repository) {
    if (found != repository) return true;
    const std::string value = core::AsciiLower(DotIndexes(repository->scalar));
    return value.find("head.repo") != std::string::npos ||
           value.find("head_repository") != std::string::npos ||
           value.find("github.event.pull_request.head") != std::string::npos;
  }

  void CheckCheckout(const core::Node& step, const core::Node& uses) {
    if (privileged_trigger_lines_.empty()) return;
    if (!core::AsciiLower(uses.scalar).starts_with("actions/checkout")) return;
    const core::Node* with = step.Find("with");
    if (with == nullptr) return;
    const core::Node* ref = with->Find("ref");
    if (!NamesPullRequestCode(ref)) ref = with->Find("repository");
    if (!NamesPullRequestCode(ref) || !NamesHeadRepository(ref, with->Find("repository"))) return;
    Add({"untrusted-checkout", ref->mark.line, ref->mark.column,
         "a pull_request_target/workflow_run/issue_comment workflow checks out the pull request's "
         "code (" +
             ref->scalar +
             "): its code then runs with the base repository's secrets and write token",
         "trigger on `pull_request` instead, or do not check out the head in this workflow; if "
         "the head must be built, build it in a `pull_request` workflow and pass artifacts to a "
         "privileged workflow_run that never executes them",
         "set `permissions: {contents: read}` and `persist-credentials: false`, and expose no "
         "secrets to the job that checks out untrusted code",
         privileged_trigger_lines_});
  }

  // The same checkout done by a run step (`gh pr checkout`, `git fetch` of a pull ref, then
  // `git checkout FETCH_HEAD` or the head SHA).
  void CheckRunCheckout(const core::Node& step, const core::Node& run) {
    if (privileged_trigger_lines_.empty()) return;
    if (!RunChecksOutPullRequest(run.scalar, step.Find("env"))) return;
    Add({"untrusted-checkout", run.mark.line, run.mark.column,
         "a pull_request_target/workflow_run/issue_comment workflow checks out the pull request's "
         "code in a run step: its code then runs with the base repository's secrets and write "
         "token",
         "trigger on `pull_request` instead, or do not check out the head in this workflow; if "
         "the head must be built, build it in a `pull_request` workflow and pass artifacts to a "
         "privileged workflow_run that never executes them",
         "set `permissions: {contents: read}` and expose no secrets to the job that checks out "
         "untrusted code",
         privileged_trigger_lines_});
  }

  // The inputs an action runs as code (`actions/github-script`'s `script`, pack data that the
  // policy extends) are sinks like `run:`.
  void CheckScriptInputs(const core::Node& step, const core::Node& uses) {
    const core::Node* with = step.Find("with");
    if (with == nullptr || !with->IsMap()) return;
    for (const std::string& input : policy::NamesFor(pins_.script_inputs, ScalarOr(&uses))) {
      for (const auto& [name, value] : with->fields) {
        if (core::AsciiLower(name) != input || value.kind != core::Node::Kind::kScalar) continue;
        CheckInjection(value.scalar, lines_.BodyFirstLine(value), value, taint_->AtStep(step),
                       /*shell=*/false);
      }
    }
  }

  // The attacker's text passed to an input that the repository's own action or reusable
  // workflow expands into a shell (what the run gathered of it): the injection is made here,
  // whether or not the callee changes.
  void CheckLocalCall(const core::Node& call, const TaintScope& scope) {
    if (sinks_ == nullptr) return;
    for (const AttackerArgument& argument : AttackerArguments(call, scope)) {
      const auto sinks = sinks_->find(argument.callee);
      if (sinks == sinks_->end()) continue;
      const auto sink = sinks->second.find(core::AsciiLower(argument.name));
      if (sink == sinks->second.end()) continue;
      const std::string& callee = argument.callee;
      const std::string& name = argument.name;
      Add({"script-injection",
           argument.value->mark.line,
           argument.value->mark.column,
           "`" + name + "` passes " + argument.taint.source + " to ./" + callee +
               ", which expands inputs." + name + " into a shell or into code it runs (" +
               LocalCalleeFiles(callee).front() + " line " + std::to_string(sink->second) +
               "), so whoever controls that text controls the code",
           "pass it through the environment in ./" + callee + ": `env:\n  VALUE: ${{ inputs." +
               name + " }}` on its step and \"$VALUE\" in the script",
           "limit the job's `permissions:` and keep secrets out of it",
           {}});
    }
  }

  // `${{ }}` expressions of tainted text expanded into `script` (a run script when `shell`,
  // else code an action runs): the attacker's text is script-injection, a caller's input
  // script-injection-input.
  void CheckInjection(const std::string& script, int first_line, const core::Node& at,
                      const TaintScope& scope, bool shell) {
    for (const auto& found : FindTaintedExpressions(script, scope)) {
      const bool direct = found.taint.source.find(' ') == std::string::npos &&
                          found.taint.control == Control::kAttacker;
      const std::string shown = direct ? found.taint.source : found.expression;
      const bool same_line = first_line == at.mark.line;
      std::string fix;
      if (found.normalized == "env." + core::AsciiLower(found.taint.via)) {
        const std::string& name = found.taint.via;
        fix = shell
                  ? "the value is already in the step's environment: write \"$" + name +
                        "\" in the script instead of `${{ " + found.expression + " }}`"
                  : "the value is already in the step's environment: read it there "
                    "(process.env." +
                        name + ", $env:" + name + ") instead of `${{ " + found.expression + " }}`";
      } else {
        const std::string env = EnvNameFor(direct ? found.taint.source : found.expression);
        fix = "pass it through the environment: add `env:\n  " + env + ": ${{ " + shown +
              " }}` to the step and use " +
              (shell ? "\"$" + env + "\" in the script"
                     : "it from the environment (process.env." + env + ", $env:" + env + ")");
      }
      const bool attacker = found.taint.control == Control::kAttacker;
      if (!attacker && found.taint.source.starts_with("inputs.")) {
        const std::string input = core::AsciiLower(
            found.taint.source.substr(7, found.taint.source.find(' ') == std::string::npos
                                             ? std::string::npos
                                             : found.taint.source.find(' ') - 7));
        sunk_inputs_.emplace(input, first_line + found.line_offset);
      }
      Add({attacker ? "script-injection" : "script-injection-input",
           first_line + found.line_offset,
           same_line ? at.mark.column + found.column - 1 : found.column,
           "`${{ " + shown + " }}` is expanded into the " + (shell ? "script" : "code") +
               " before it runs" +
               (direct ? std::string() : ", and it carries " + found.taint.source) +
               (attacker ? ", so whoever controls that text controls the code"
                         : ": whatever a caller passes becomes code, and a caller may pass "
                           "text an attacker wrote (a pull request's title)"),
           fix,
           "limit the job's `permissions:` and keep secrets out of it",
           {}});
    }
  }

  SourceLines lines_;
  const policy::PinsControl& pins_;
  const collect::CallerInputs* callers_;
  const collect::CalleeSinks* sinks_;
  std::map<std::string, int> sunk_inputs_;
  std::vector<int> privileged_trigger_lines_;
  std::optional<WorkflowTaint> taint_;
  std::vector<PinIssue> issues_;
};

}  // namespace

std::map<std::string, int> InputsReachingSinks(std::string_view text, const std::string& path,
                                               GithubFileKind kind,
                                               const policy::PinsControl& pins) {
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  if (!root) return {};
  WorkflowChecker checker(text, pins, nullptr, nullptr);
  (void)checker.Run(*root, kind);
  return checker.sunk_inputs();
}

std::vector<PinIssue> CheckGithubFile(std::string_view text, const std::string& path,
                                      GithubFileKind kind, const policy::PinsControl& pins,
                                      const collect::PinLookups* gathered) {
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  std::vector<PinIssue> issues;
  if (!root) return ParseIssues(diagnostics);
  const collect::CallerInputs* callers = nullptr;
  if (gathered != nullptr) {
    const auto found = gathered->callers.find(LocalCalleeKey(path));
    if (found != gathered->callers.end()) callers = &found->second;
  }
  WorkflowChecker checker(text, pins, callers,
                          gathered != nullptr ? &gathered->callee_sinks : nullptr);
  issues = checker.Run(*root, kind);
  auto hazards =
      kind == GithubFileKind::kWorkflow ? CheckWorkflowHazards(*root) : CheckActionHazards(*root);
  issues.insert(issues.end(), hazards.begin(), hazards.end());
  const SourceLines lines(text);
  for (auto* check : {&CheckSecretUse, &CheckMisuse}) {
    auto more = check(*root, lines);
    issues.insert(issues.end(), more.begin(), more.end());
  }
  // Duplicate keys parse but hide a value: GitHub rejects such files.
  auto parse = ParseIssues(diagnostics);
  issues.insert(issues.end(), parse.begin(), parse.end());
  return issues;
}

}  // namespace riskgate::evaluate::pins
