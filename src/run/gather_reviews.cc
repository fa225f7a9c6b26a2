#include "run/gather_reviews.h"

#include <algorithm>
#include <set>

#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "collect/forge/review_sources.h"
#include "evaluate/reviews/approvals.h"
#include "policy/codeowners.h"
#include "run/forge_clients.h"

namespace riskgate::run {
namespace {

using collect::ReviewOrigin;
using core::ErrorCode;
using core::MakeError;

constexpr std::size_t kMaxCodeownersBytes = 3 * 1024 * 1024;  // GitHub ignores larger files

// Where a run's approvals come from, with the pull request of the GitHub event payload.
struct ReviewSourceChoice {
  ReviewOrigin origin = ReviewOrigin::kTrailers;
  std::optional<collect::forge::PullRequestInfo> event_pull;
};

// The policy's source, else the forge whose pull or merge request the CI run is on, else the
// trailers: a GitHub run without a pull request (a push) falls back like a GitLab pipeline
// without a merge request does.
core::Result<ReviewSourceChoice> ChooseSource(const policy::ReviewsControl& control,
                                              const collect::EnvReader& env,
                                              const JudgeRequest& options) {
  ReviewSourceChoice choice;
  const auto event_path = env("GITHUB_EVENT_PATH");
  const bool may_use_github =
      control.source == policy::ReviewSource::kGithub ||
      (control.source == policy::ReviewSource::kAuto && env("GITHUB_ACTIONS") == "true");
  if (may_use_github && event_path && options.pull_request == 0) {
    auto pull = collect::forge::PullRequestFromEvent(*event_path);
    if (!pull) return tl::unexpected(pull.error());
    choice.event_pull = std::move(*pull);
  }
  switch (control.source) {
    case policy::ReviewSource::kGithub:
      choice.origin = ReviewOrigin::kGithub;
      return choice;
    case policy::ReviewSource::kGitlab:
      choice.origin = ReviewOrigin::kGitlab;
      return choice;
    case policy::ReviewSource::kTrailers:
      choice.origin = ReviewOrigin::kTrailers;
      return choice;
    case policy::ReviewSource::kAuto:
      break;
  }
  if (choice.event_pull) {
    choice.origin = ReviewOrigin::kGithub;
  } else if (env("GITLAB_CI") && env("CI_MERGE_REQUEST_IID")) {
    choice.origin = ReviewOrigin::kGitlab;
  } else if (options.pull_request > 0 &&
             (env("GITHUB_ACTIONS") == "true" || env("GITHUB_REPOSITORY"))) {
    choice.origin = ReviewOrigin::kGithub;
  }
  return choice;
}

// The first CODEOWNERS of the forge's locations at `revision`.
core::Result<std::optional<collect::CodeownersText>> ReadCodeowners(
    const policy::ReviewsControl& control, ReviewOrigin origin, collect::GitRepository& repo,
    const std::string& revision) {
  using Dialect = policy::CodeownersDialect;
  std::vector<Dialect> dialects;
  switch (control.codeowners) {
    case policy::CodeownersMode::kOff:
      return std::optional<collect::CodeownersText>();
    case policy::CodeownersMode::kGithub:
      dialects = {Dialect::kGithub};
      break;
    case policy::CodeownersMode::kGitlab:
      dialects = {Dialect::kGitlab};
      break;
    case policy::CodeownersMode::kAuto:
      if (origin == ReviewOrigin::kGitlab) {
        dialects = {Dialect::kGitlab};
      } else if (origin == ReviewOrigin::kGithub) {
        dialects = {Dialect::kGithub};
      } else {
        dialects = {Dialect::kGithub, Dialect::kGitlab};
      }
  }
  for (Dialect dialect : dialects) {
    for (const auto& path : policy::CodeownersLocations(dialect)) {
      auto text = repo.ReadPathAt(revision, path);
      if (!text) return tl::unexpected(text.error());
      if (!*text) continue;
      if ((*text)->size() >= kMaxCodeownersBytes) {
        return MakeError(ErrorCode::kPolicy,
                         "CODEOWNERS is 3 MB or more, which the forges do not load", path);
      }
      return std::optional<collect::CodeownersText>(
          collect::CodeownersText{path, revision, std::move(**text), dialect == Dialect::kGitlab});
    }
  }
  return std::optional<collect::CodeownersText>();
}

// The teams (GitHub @org/team, GitLab @group/subgroup) owning any changed path.
std::vector<std::string> TeamsToResolve(const std::optional<collect::CodeownersText>& file,
                                        const collect::ChangeFacts& facts) {
  if (!file) return {};
  core::Diagnostics ignored;
  const auto codeowners = policy::ParseCodeowners(
      file->text, file->path,
      file->gitlab ? policy::CodeownersDialect::kGitlab : policy::CodeownersDialect::kGithub,
      ignored);
  std::set<std::string> teams;
  for (const auto& path : facts.changed_paths) {
    for (const auto& required : policy::OwnersOf(codeowners, path)) {
      for (const auto& owner : required.owners) {
        if (evaluate::reviews::IsTeam(owner)) teams.insert(owner);
      }
    }
  }
  return {teams.begin(), teams.end()};
}

core::Result<collect::ReviewFacts> FromGithub(const policy::ReviewsControl& control,
                                              const collect::EnvReader& env,
                                              const JudgeRequest& options,
                                              const ReviewSourceChoice& source,
                                              const std::vector<std::string>& teams) {
  collect::forge::GithubPullRequest pr;
  pr.repository =
      !options.forge_project.empty() ? options.forge_project : FirstEnv(env, {"GITHUB_REPOSITORY"});
  if (source.event_pull) {
    pr.known = *source.event_pull;
    pr.number = source.event_pull->number;
  }
  if (options.pull_request > 0) pr.number = options.pull_request;
  if (pr.repository.empty() || pr.number <= 0) {
    return MakeError(ErrorCode::kUsage,
                     "the reviews control reads GitHub approvals, but this run has no pull "
                     "request: run on a pull_request event, or pass --pr N and --forge-project "
                     "OWNER/REPO (or set controls.reviews.source: trailers)");
  }
  auto client = GithubClient(control.forge, env);
  if (!client) return tl::unexpected(client.error());
  pr.need_committers = !control.count_committers;
  return collect::forge::ReadGithubReviews(*client, pr, teams);
}

core::Result<collect::ReviewFacts> FromGitlab(const policy::ReviewsControl& control,
                                              const collect::EnvReader& env,
                                              const JudgeRequest& options,
                                              const std::vector<std::string>& groups) {
  collect::forge::GitlabMergeRequest mr;
  mr.project = !options.forge_project.empty()
                   ? options.forge_project
                   : FirstEnv(env, {"CI_MERGE_REQUEST_PROJECT_ID", "CI_PROJECT_ID"});
  mr.iid = options.pull_request;
  if (mr.iid == 0) {
    const std::string iid = FirstEnv(env, {"CI_MERGE_REQUEST_IID"});
    mr.iid =
        iid.empty() || iid.find_first_not_of("0123456789") != std::string::npos || iid.size() > 15
            ? 0
            : std::stoll(iid);
  }
  if (mr.project.empty() || mr.iid <= 0) {
    return MakeError(ErrorCode::kUsage,
                     "the reviews control reads GitLab approvals, but this run has no merge "
                     "request: run in a merge_request_event pipeline, or pass --pr IID and "
                     "--forge-project ID (or set controls.reviews.source: trailers)");
  }
  mr.need_current = control.stale_approvals == policy::StaleApprovals::kDismiss;
  auto client = GitlabClient(control.forge, env);
  if (!client) return tl::unexpected(client.error());
  return collect::forge::ReadGitlabReviews(*client, mr, groups);
}

}  // namespace

core::Result<collect::ReviewFacts> GatherReviews(const policy::ReviewsControl& control,
                                                 const collect::ChangeFacts& facts,
                                                 collect::GitRepository& repo,
                                                 const collect::EnvReader& env,
                                                 const JudgeRequest& options,
                                                 const std::vector<std::string>& policy_owners) {
  collect::ReviewFacts out;
  if (!control.enabled) return out;
  const auto& scope = facts.scope;
  if (scope.mode != core::ScanMode::kRange) {
    // Staged changes have no reviews yet; a dry run says what the commit will need.
    if (!options.dry_run || !scope.head || facts.changed_paths.empty()) return out;
    out.explain_only = true;
    out.request = "a dry run of the staged changes";
    auto codeowners = ReadCodeowners(control, ReviewOrigin::kTrailers, repo, *scope.head);
    if (!codeowners) return tl::unexpected(codeowners.error());
    out.codeowners = std::move(*codeowners);
    return out;
  }
  auto source = ChooseSource(control, env, options);
  if (!source) return tl::unexpected(source.error());
  const ReviewOrigin origin = source->origin;
  const std::string revision =
      scope.base && *scope.base != collect::kEmptyTreeId ? *scope.base : scope.head.value_or("");
  std::optional<collect::CodeownersText> codeowners;
  if (!revision.empty()) {
    auto read = ReadCodeowners(control, origin, repo, revision);
    if (!read) return tl::unexpected(read.error());
    codeowners = std::move(*read);
  }
  // A laptop, a pre-push hook: approvals come after the push, so with `source: auto` and no CI
  // the control explains what the range will need instead of blocking it. CI systems without a
  // forge API (and `source: trailers`) judge the trailers.
  if (origin == ReviewOrigin::kTrailers && control.source == policy::ReviewSource::kAuto &&
      !collect::UnderCi(env)) {
    out.explain_only = true;
    out.request = "a local run (no CI): approvals are judged in CI";
    out.codeowners = std::move(codeowners);
    return out;
  }
  std::vector<std::string> teams = TeamsToResolve(codeowners, facts);
  for (const auto& owner : policy_owners) {
    if (evaluate::reviews::IsTeam(owner) &&
        std::find(teams.begin(), teams.end(), owner) == teams.end()) {
      teams.push_back(owner);
    }
  }
  core::Result<collect::ReviewFacts> gathered = out;
  switch (origin) {
    case ReviewOrigin::kGithub:
      gathered = FromGithub(control, env, options, *source, teams);
      break;
    case ReviewOrigin::kGitlab:
      gathered = FromGitlab(control, env, options, teams);
      break;
    default:
      gathered = collect::forge::TrailerReviews(facts.commits, scope.head.value_or(""));
  }
  if (!gathered) {
    if (gathered.error().code != ErrorCode::kForge ||
        control.on_error == policy::ForgeFailure::kFail) {
      auto error = gathered.error();
      if (error.code == ErrorCode::kForge) {
        error.message = "the reviews control failed closed: " + error.message +
                        " (set controls.reviews.on_error: block to report a blocking finding "
                        "instead of exit 2)";
      }
      return tl::unexpected(error);
    }
    out.origin = origin;
    out.error = gathered.error().message;
    return out;
  }
  // Judge approvals against the commit this run judged, not a newer head the forge knows.
  if (scope.head) gathered->head_commit = *scope.head;
  gathered->codeowners = std::move(codeowners);
  return gathered;
}

}  // namespace riskgate::run
