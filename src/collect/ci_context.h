// Stage 1 (collect): chooses what `riskgate check` judges when no scope flag is given, from the
// environment it runs in: GitHub Actions (event payload), GitLab CI (merge-request variables),
// pre-commit and git hooks (the staged index), or a laptop (staged changes, else the branch
// against its upstream: a dry run of what CI will decide).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "collect/change_collector.h"
#include "core/error.h"

namespace riskgate::collect {

class GitRepository;

// Reads one environment variable; nullopt when unset or empty.
using EnvReader = std::function<std::optional<std::string>(std::string_view name)>;

EnvReader ProcessEnvironment();

struct ScopeChoice {
  core::ScanMode mode = core::ScanMode::kStaged;
  std::string base;
  std::string head;
  std::string source;  // why: "github:pull_request #12", "gitlab:merge_request_event !7", ...
  // A worktree audit a CI platform asked for (a schedule, a manual run): the commit whose
  // policy, waivers and baseline judge it (the default branch), never the checkout's own.
  std::string policy_revision;
  // Worktree mode: only these paths of the tree are judged (files named on the command line).
  std::set<std::string, std::less<>> only_paths = {};
};

// Whether the process runs under a CI system: CI set (not to "false" or "0"), GITHUB_ACTIONS
// "true", or a variable another common CI system always sets (GITLAB_CI, JENKINS_URL, TF_BUILD,
// ...), so that one which does not set CI still gets a gate's strictness.
bool UnderCi(const EnvReader& env);

// Detects the scope; an error when the platform's data is missing or unusable (never a guess
// that silently judges less than the platform asked for). Per platform and event:
//   GitHub pull_request*: pull_request.base.sha..head.sha (no pull_request object: an error);
//     merge_group: merge_group.base_sha..head_sha; push: before..after (a new branch: the
//     default branch..after); any other event (schedule, workflow_dispatch, ...): a full audit
//     of the checkout under the default branch's policy.
//   GitLab merge_request_event: DIFF_BASE_SHA..SOURCE_BRANCH_SHA (else CI_COMMIT_SHA);
//     external_pull_request_event: the external PR's TARGET_BRANCH_SHA..SOURCE_BRANCH_SHA;
//     push/web/api: CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA (a new branch: the default branch);
//     any other source (schedule, trigger, ...): a full audit under the default branch's policy.
//   Another CI (CI set, no platform riskgate knows): an error asking for --base/--head.
core::Result<ScopeChoice> DetectScope(const EnvReader& env, GitRepository& repo);

// The branch and event a run judges, for rules' `when` conditions: a pull or merge request's
// target branch, else the pushed branch, else the branch HEAD is on.
RunContext DetectRunContext(const EnvReader& env, GitRepository& repo);

}  // namespace riskgate::collect
