#include "collect/ci_context.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "collect/event_payload.h"
#include "collect/git_repository.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;

bool IsZeroSha(const std::string& sha) {
  return !sha.empty() && sha.find_first_not_of('0') == std::string::npos;
}

ScopeChoice Range(std::string base, std::string head, std::string source) {
  return ScopeChoice{core::ScanMode::kRange, std::move(base), std::move(head), std::move(source)};
}

ScopeChoice Staged(std::string source) {
  return ScopeChoice{core::ScanMode::kStaged, "", "", std::move(source)};
}

// The default branch as the remote-tracking ref a CI checkout has, for new-branch pushes.
core::Result<std::string> DefaultBranchBase(GitRepository& repo, const std::string& branch,
                                            const std::string& platform) {
  for (const std::string& ref : {"refs/remotes/origin/" + branch, "refs/heads/" + branch}) {
    if (auto id = repo.ResolveCommit(ref)) return *id;
  }
  return MakeError(ErrorCode::kRevision,
                   platform + " pushed a new branch, and its default branch '" + branch +
                       "' is not in this clone to compare with; fetch it (actions/checkout "
                       "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) or pass --base");
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
  nlohmann::json payload = std::move(*read);
  auto text = [&](const nlohmann::json::json_pointer& ptr) -> std::string {
    if (!payload.contains(ptr) || !payload[ptr].is_string()) return "";
    return payload[ptr].get<std::string>();
  };
  if (payload.contains("pull_request") && payload["pull_request"].is_object()) {
    // Judge the PR's own commits (base.sha..head.sha), not GITHUB_SHA, the test merge commit.
    const std::string base = text(nlohmann::json::json_pointer("/pull_request/base/sha"));
    const std::string head = text(nlohmann::json::json_pointer("/pull_request/head/sha"));
    if (base.empty() || head.empty()) {
      return MakeError(ErrorCode::kIo,
                       "the " + event + " payload has no pull_request.base.sha/head.sha", *path);
    }
    std::string number;
    if (payload["pull_request"].contains("number")) {
      number = " #" + payload["pull_request"]["number"].dump();
    }
    return Range(base, head, "github:" + event + number);
  }
  if (event == "push") {
    const std::string before = text(nlohmann::json::json_pointer("/before"));
    const std::string after = text(nlohmann::json::json_pointer("/after"));
    if (after.empty()) return MakeError(ErrorCode::kIo, "the push payload has no 'after'", *path);
    if (IsZeroSha(after)) {
      return MakeError(ErrorCode::kUsage, "the push deleted its branch: there is nothing to judge");
    }
    if (before.empty() || IsZeroSha(before)) {
      const std::string branch = text(nlohmann::json::json_pointer("/repository/default_branch"));
      auto base = DefaultBranchBase(repo, branch.empty() ? "main" : branch, "GitHub");
      if (!base) return tl::unexpected(base.error());
      return Range(*base, after, "github:push (new branch)");
    }
    return Range(before, after, "github:push");
  }
  return ScopeChoice{core::ScanMode::kWorktree, "", "", "github:" + event + " (full audit)"};
}

core::Result<ScopeChoice> FromGitLab(const EnvReader& env, GitRepository& repo) {
  const std::string source = env("CI_PIPELINE_SOURCE").value_or("");
  const auto sha = env("CI_COMMIT_SHA");
  if (!sha) return MakeError(ErrorCode::kUsage, "GITLAB_CI is set but CI_COMMIT_SHA is not");
  if (source == "merge_request_event") {
    const auto base = env("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    if (!base) {
      return MakeError(ErrorCode::kUsage,
                       "a merge-request pipeline without CI_MERGE_REQUEST_DIFF_BASE_SHA");
    }
    // In a merged-results pipeline CI_COMMIT_SHA is the merge commit GitLab made with the
    // target branch; the change under judgement (and what approvals were given for) is the
    // source branch's head, which only that pipeline sets.
    const std::string head = env("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").value_or(*sha);
    return Range(*base, head,
                 "gitlab:merge_request_event !" + env("CI_MERGE_REQUEST_IID").value_or("?"));
  }
  if (source == "push" || source.empty() || source == "web" || source == "api") {
    const std::string before = env("CI_COMMIT_BEFORE_SHA").value_or("");
    if (before.empty() || IsZeroSha(before)) {
      const std::string branch = env("CI_DEFAULT_BRANCH").value_or("main");
      auto base = DefaultBranchBase(repo, branch, "GitLab");
      if (!base) return tl::unexpected(base.error());
      return Range(*base, *sha, "gitlab:" + (source.empty() ? "push" : source) + " (new branch)");
    }
    return Range(before, *sha, "gitlab:" + (source.empty() ? "push" : source));
  }
  return ScopeChoice{core::ScanMode::kWorktree, "", "", "gitlab:" + source + " (full audit)"};
}

}  // namespace

EnvReader ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

core::Result<ScopeChoice> DetectScope(const EnvReader& env, GitRepository& repo) {
  if (env("PRE_COMMIT")) {
    const auto from = env("PRE_COMMIT_FROM_REF");
    const auto to = env("PRE_COMMIT_TO_REF");
    if (from && to) return Range(*from, *to, "pre-commit:pre-push");
    return Staged("pre-commit");
  }
  if (env("GITHUB_ACTIONS") == "true") return FromGitHub(env, repo);
  if (env("GITLAB_CI")) return FromGitLab(env, repo);
  if (env("GIT_INDEX_FILE")) return Staged("git hook");
  // On a laptop: what is staged, else what the branch would push.
  auto staged = repo.DiffStaged(1);
  if (!staged) return tl::unexpected(staged.error());
  if (!staged->empty()) return Staged("local: staged changes");
  if (auto upstream = repo.ResolveCommit("@{upstream}")) {
    auto head = repo.ResolveCommit("HEAD");
    if (!head) return tl::unexpected(head.error());
    return Range(*upstream, *head, "local: branch against its upstream");
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
  context.event = first({"GITHUB_EVENT_NAME", "CI_PIPELINE_SOURCE"});
  if (context.event.empty()) context.event = env("PRE_COMMIT") ? "pre-commit" : "local";
  context.branch = first({"GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                          "GITHUB_REF_NAME", "CI_COMMIT_BRANCH"});
  if (context.branch.empty()) context.branch = repo.CurrentBranch();
  return context;
}

}  // namespace riskgate::collect
