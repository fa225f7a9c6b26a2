// Stage 1 (collect): review facts from each source. GitHub: the pull request, every page of its
// reviews, and the members of the teams asked about. GitLab: the merge request, its approvals
// and the members of the groups asked about. Trailers: Approved-by / Reviewed-by lines of the
// range's commits. A forge that cannot be read is an error (the caller fails closed); a team
// that cannot be resolved is recorded as unresolved, so the requirement it carries stays unmet.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collect/facts.h"
#include "collect/forge/forge_json.h"
#include "collect/forge/http_client.h"
#include "core/error.h"

namespace riskgate::collect::forge {

struct GithubPullRequest {
  std::string repository;  // owner/repo
  long long number = 0;
  std::optional<PullRequestInfo> known;  // from the event payload; else fetched
  // Who wrote the pull request's commits is read (the policy does not count their approvals).
  bool need_committers = false;
};

core::Result<ReviewFacts> ReadGithubReviews(HttpClient& client, const GithubPullRequest& pr,
                                            const std::vector<std::string>& teams);

struct GitlabMergeRequest {
  std::string project;  // numeric id or full path
  long long iid = 0;
  // Approvals must be of the head (the policy dismisses stale ones): the project's settings are
  // read, and where a push keeps approvals none is known to be of the head.
  bool need_current = false;
};

core::Result<ReviewFacts> ReadGitlabReviews(HttpClient& client, const GitlabMergeRequest& mr,
                                            const std::vector<std::string>& groups);

// The pull request of a GitHub event payload (pull_request, pull_request_review, ...), nullopt
// for events without one.
core::Result<std::optional<PullRequestInfo>> PullRequestFromEvent(const std::string& path);

// The commit a tag or branch of owner/repo points at (GET /repos/{o}/{r}/commits/{ref}).
core::Result<std::string> ResolveGithubRef(HttpClient& client, const std::string& repository,
                                           const std::string& ref);

// What GitHub says about the action `repository` as the change uses it (`query`: SHA -> the
// tag its pin's comment names, and symbolic refs): archived or not, its advisories, for each
// commit whether it is on record (reachable from the default branch, or the very commit of its
// tag) and what the tag names now ("" when the tag does not exist), the commits of its tags
// when a commit on record is not its comment's tag's (up to 500 tags), and for each symbolic
// ref (up to 10) whether it is a branch, a tag or both. A commit or ref GitHub does not know is
// not on record / does not exist; any other failure is an error.
core::Result<ActionFacts> LookUpAction(HttpClient& client, const std::string& repository,
                                       const ActionQuery& query);

// Approvals written as commit trailers in a range (oldest commit first).
ReviewFacts TrailerReviews(const std::vector<CommitFacts>& commits, const std::string& head);

// Percent-encodes one URL path segment (a ref, a GitLab project path); "." and ".." too.
std::string EncodeSegment(const std::string& text);

// OWNER/REPO with GitHub's characters only (letters, digits, '-', '_', '.'), never "." or "..":
// safe to put in an API path.
bool IsRepositoryName(const std::string& repository);

}  // namespace riskgate::collect::forge
