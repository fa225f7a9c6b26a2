#include "collect/ci_context.h"

#include <cstdlib>

#include "collect/event_payload.h"
#include "collect/git_repository.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;

bool IsZeroSha(const std::string& sha) {
  return !sha.empty() && sha.find_first_not_of('0') == std::string::npos;
}

ScopeChoice Range(std::string base, std::string head, std::string source) {
  return ScopeChoice{core::ScanMode::kRange, std::move(base), std::move(head), std::move(source),
                     ""};
}

ScopeChoice Staged(std::string source) {
  return ScopeChoice{core::ScanMode::kStaged, "", "", std::move(source), ""};
}

// A full audit of the checkout judged by the policy of `policy_revision` (the default branch).
ScopeChoice Audit(std::string policy_revision, std::string source) {
  return ScopeChoice{core::ScanMode::kWorktree, "", "", std::move(source),
                     std::move(policy_revision)};
}

// The default branch as the remote-tracking ref a CI checkout has.
core::Result<std::string> DefaultBranchCommit(GitRepository& repo, const std::string& branch,
                                              const std::string& platform, const std::string& why) {
  for (const std::string& ref : {"refs/remotes/origin/" + branch, "refs/heads/" + branch}) {
    if (auto id = repo.ResolveCommit(ref)) return *id;
  }
  return MakeError(ErrorCode::kRevision,
                   platform + " " + why + ", and its default branch '" + branch +
                       "' is not in this clone to compare with; fetch it (actions/checkout "
                       "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) or pass --base");
}

// A new branch (no commit before the push) is judged against the default branch; a run on the
// default branch itself has nothing to compare with, so it is a full audit under its policy
// (never an empty range that judges nothing).
core::Result<ScopeChoice> NewBranch(GitRepository& repo, const std::string& branch,
                                    const std::string& head, const std::string& platform,
                                    const std::string& source) {
  auto base = DefaultBranchCommit(repo, branch, platform, "pushed a new branch");
  if (!base) return tl::unexpected(base.error());
  auto head_id = repo.ResolveCommit(head);
  if (head_id && *head_id == *base) {
    return Audit(*base, source + " (default branch: full audit)");
  }
  return Range(*base, head, source + " (new branch)");
}

// The pull request's number for the scope's description: a number as written, a string in
// quotes (escaped for display), anything else "?".
std::string NumberText(const core::Node& value) {
  if (value.IsString()) return "\"" + core::EscapeForDisplay(value.scalar) + "\"";
  if (value.kind == core::Node::Kind::kScalar) return value.scalar;
  return value.IsNull() ? "null" : "?";
}

bool IsPullRequestEvent(const std::string& event) {
  return event == "pull_request" || event == "pull_request_target" ||
         event == "pull_request_review" || event == "pull_request_review_comment";
}

core::Result<ScopeChoice> FromGitHub(const EnvReader& env, GitRepository& repo) {
  const std::string event = env("GITHUB_EVENT_NAME").value_or("");
  const auto path = env("GITHUB_EVENT_PATH");
  if (!path) {
    return MakeError(ErrorCode::kUsage,
                     "GITHUB_ACTIONS is set but GITHUB_EVENT_PATH is not; pass a scope flag");
  }
  auto read = ReadEventPayload(*path);
  if (!read) return tl::unexpected(read.error());
  const core::Node& payload = *read;
  auto text = [&](std::initializer_list<std::string_view> keys) {
    return PayloadText(payload, keys);
  };
  const core::Node* pull = payload.Find("pull_request");
  const bool has_pull = pull != nullptr && pull->IsMap();
  if (IsPullRequestEvent(event) && !has_pull) {
    return MakeError(ErrorCode::kIo,
                     "the " + event + " payload has no `pull_request` object to judge", *path);
  }
  if (has_pull) {
    // Judge the PR's own commits (base.sha..head.sha), not GITHUB_SHA, the test merge commit.
    const std::string base = text({"pull_request", "base", "sha"});
    const std::string head = text({"pull_request", "head", "sha"});
    if (base.empty() || head.empty()) {
      return MakeError(ErrorCode::kIo,
                       "the " + event + " payload has no pull_request.base.sha/head.sha", *path);
    }
    std::string number;
    if (const core::Node* value = pull->Find("number")) number = " #" + NumberText(*value);
    return Range(base, head, "github:" + event + number);
  }
  if (event == "merge_group") {
    // The merge queue's candidate commit against the target branch it will become.
    const std::string base = text({"merge_group", "base_sha"});
    const std::string head = text({"merge_group", "head_sha"});
    if (base.empty() || head.empty()) {
      return MakeError(ErrorCode::kIo,
                       "the merge_group payload has no merge_group.base_sha/head_sha", *path);
    }
    return Range(base, head, "github:merge_group");
  }
  std::string branch = text({"repository", "default_branch"});
  if (event == "push") {
    const std::string before = text({"before"});
    const std::string after = text({"after"});
    if (after.empty()) return MakeError(ErrorCode::kIo, "the push payload has no 'after'", *path);
    if (IsZeroSha(after)) {
      return MakeError(ErrorCode::kUsage, "the push deleted its branch: there is nothing to judge");
    }
    if (before.empty() || IsZeroSha(before)) {
      return NewBranch(repo, branch.empty() ? "main" : branch, after, "GitHub", "github:push");
    }
    return Range(before, after, "github:push");
  }
  // schedule, workflow_dispatch, release, ...: no change to compare, so the whole checkout,
  // judged by the default branch's policy (a scheduled run is on it; a manual run may be on
  // any branch, whose own policy must not judge it).
  if (branch.empty() && event == "schedule") branch = env("GITHUB_REF_NAME").value_or("");
  auto base = DefaultBranchCommit(repo, branch.empty() ? "main" : branch, "GitHub",
                                  "ran " + (event.empty() ? "an unnamed event" : event));
  if (!base) return tl::unexpected(base.error());
  return Audit(*base, "github:" + event + " (full audit, default branch policy)");
}

core::Result<ScopeChoice> FromGitLab(const EnvReader& env, GitRepository& repo) {
  const std::string source = env("CI_PIPELINE_SOURCE").value_or("");
  const auto sha = env("CI_COMMIT_SHA");
  if (!sha) return MakeError(ErrorCode::kUsage, "GITLAB_CI is set but CI_COMMIT_SHA is not");
  auto required = [&env, &source](const char* name) -> core::Result<std::string> {
    if (auto value = env(name)) return *value;
    return MakeError(ErrorCode::kUsage,
                     "a GitLab " + source + " pipeline without " + name + "; pass --base/--head");
  };
  if (source == "merge_request_event") {
    auto base = required("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    if (!base) return tl::unexpected(base.error());
    // In a merged-results pipeline CI_COMMIT_SHA is the merge commit GitLab made with the
    // target branch; the change under judgement (and what approvals were given for) is the
    // source branch's head, which only that pipeline sets.
    const std::string head = env("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").value_or(*sha);
    return Range(*base, head,
                 "gitlab:merge_request_event !" + env("CI_MERGE_REQUEST_IID").value_or("?"));
  }
  if (source == "external_pull_request_event") {
    // A GitHub pull request mirrored to GitLab CI: its own commits against its target branch.
    auto base = required("CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA");
    if (!base) return tl::unexpected(base.error());
    auto head = required("CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA");
    if (!head) return tl::unexpected(head.error());
    return Range(
        *base, *head,
        "gitlab:external_pull_request_event #" + env("CI_EXTERNAL_PULL_REQUEST_IID").value_or("?"));
  }
  const std::string branch = env("CI_DEFAULT_BRANCH").value_or("main");
  if (source == "push" || source.empty() || source == "web" || source == "api") {
    const std::string name = "gitlab:" + (source.empty() ? "push" : source);
    const std::string before = env("CI_COMMIT_BEFORE_SHA").value_or("");
    if (before.empty() || IsZeroSha(before)) return NewBranch(repo, branch, *sha, "GitLab", name);
    return Range(before, *sha, name);
  }
  // schedule, trigger, pipeline, ...: the whole checkout under the default branch's policy.
  auto base = DefaultBranchCommit(repo, branch, "GitLab", "ran a " + source + " pipeline");
  if (!base) return tl::unexpected(base.error());
  return Audit(*base, "gitlab:" + source + " (full audit, default branch policy)");
}

}  // namespace

EnvReader ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

bool UnderCi(const EnvReader& env) {
  const std::string ci = core::AsciiLower(env("CI").value_or(""));
  if ((!ci.empty() && ci != "false" && ci != "0") || env("GITHUB_ACTIONS") == "true") return true;
  // CI systems that do not set CI (Jenkins, Azure Pipelines, TeamCity, AWS CodeBuild) or may
  // not in every runner, by the variable each always sets.
  for (const char* name :
       {"GITLAB_CI", "JENKINS_URL", "TF_BUILD", "BUILDKITE", "CIRCLECI", "TRAVIS",
        "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID", "DRONE"}) {
    if (env(name)) return true;
  }
  return false;
}

core::Result<ScopeChoice> DetectScope(const EnvReader& env, GitRepository& repo) {
  if (env("PRE_COMMIT")) {
    const auto from = env("PRE_COMMIT_FROM_REF");
    const auto to = env("PRE_COMMIT_TO_REF");
    if (from && to) return Range(*from, *to, "pre-commit:pre-push");
    // A pre-push whose commits reach a root (the first push of a repository): pre-commit names
    // no range, only the remote and the local branch. Every commit is new there: all of them
    // are judged, from the root.
    if (env("PRE_COMMIT_REMOTE_NAME") && !UnderCi(env)) {
      return Range(std::string(kEmptyTreeId), env("PRE_COMMIT_LOCAL_BRANCH").value_or("HEAD"),
                   "pre-commit:pre-push (first push: every commit from the root)");
    }
    // pre-commit run in CI has an empty index: judge what the CI run is about instead.
    if (!UnderCi(env)) return Staged("pre-commit");
  }
  if (env("GITHUB_ACTIONS") == "true") return FromGitHub(env, repo);
  if (env("GITLAB_CI")) return FromGitLab(env, repo);
  if (env("GIT_INDEX_FILE")) return Staged("git hook");
  if (UnderCi(env)) {
    // A CI riskgate cannot read: guessing would judge an empty index, or audit the checkout
    // under the change's own policy.
    return MakeError(ErrorCode::kUsage,
                     "running under a CI system riskgate does not detect (CI is set, but "
                     "neither GITHUB_ACTIONS nor GITLAB_CI); pass the change to judge with "
                     "--base <target branch commit> --head <change commit>");
  }
  // On a laptop: what is staged, else what the branch would push.
  auto staged = repo.DiffStaged(1);
  if (!staged) return tl::unexpected(staged.error());
  if (!staged->empty()) return Staged("local: staged changes");
  if (auto upstream = repo.ResolveCommit("@{upstream}")) {
    auto head = repo.ResolveCommit("HEAD");
    if (!head) return tl::unexpected(head.error());
    return Range(*upstream, *head, "local: branch against its upstream");
  }
  // No upstream: the commits since the branch left the default branch.
  if (auto head = repo.ResolveCommit("HEAD")) {
    for (const char* name : {"refs/remotes/origin/HEAD", "refs/heads/main", "refs/heads/master",
                             "refs/remotes/origin/main", "refs/remotes/origin/master"}) {
      auto base = repo.ResolveCommit(name);
      if (!base) continue;
      auto fork = repo.MergeBase(*base, *head);
      if (!fork || *fork == *head) break;  // on the default branch, or behind it: nothing new
      return Range(*fork, *head,
                   "local: commits since the default branch (" + std::string(name) + ")");
    }
  }
  return Staged("local: nothing staged and no upstream");
}

RunContext DetectRunContext(const EnvReader& env, GitRepository& repo) {
  RunContext context;
  auto first = [&env](std::initializer_list<std::string_view> names) -> std::string {
    for (auto name : names) {
      if (auto value = env(name)) return *value;
    }
    return "";
  };
  context.ci = UnderCi(env);
  context.event = first({"GITHUB_EVENT_NAME", "CI_PIPELINE_SOURCE"});
  if (context.event.empty()) context.event = env("PRE_COMMIT") ? "pre-commit" : "local";
  context.branch = first({"GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                          "GITHUB_REF_NAME", "CI_COMMIT_BRANCH"});
  if (context.branch.empty()) context.branch = repo.CurrentBranch();
  return context;
}

}  // namespace riskgate::collect
