// Stage 1 (collect): reads the JSON bodies GitHub's and GitLab's REST APIs answer with into
// review facts. Pure functions over untrusted text: anything that is not the documented shape
// is an error naming what was wrong (never a partial result that would count fewer reviews).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/action_facts.h"
#include "collect/review_facts.h"
#include "core/document.h"
#include "core/error.h"

namespace riskgate::collect::forge {

struct PullRequestInfo {
  long long number = 0;
  std::string author;  // user.login
  std::string head_sha;
  std::string base_sha;
  std::string url;  // html_url
};

struct GitlabApprovals {
  std::vector<std::string> approved_by;  // usernames
  std::optional<int> approvals_required;
  std::optional<int> approvals_left;
};

// A GitLab project's approval settings: whether a push removes every approval of a merge
// request (`reset_approvals_on_push`). Off, an approval GitLab lists may predate the head.
struct GitlabApprovalSettings {
  bool reset_approvals_on_push = false;
};

struct MergeRequestInfo {
  std::string author;  // author.username
  std::string head_sha;
  std::string url;  // web_url
};

// GET /repos/{o}/{r}/pulls/{n}/reviews (one page): the reviews, oldest first.
core::Result<std::vector<Review>> ParseGithubReviews(std::string_view body);
// GET /repos/{o}/{r}/pulls/{n}.
core::Result<PullRequestInfo> ParseGithubPull(std::string_view body);
// The same from a tree already read: the `pull_request` object of an event payload.
core::Result<PullRequestInfo> ReadGithubPull(const core::Node& pull);
// GET /orgs/{org}/teams/{slug}/members and GET /groups/{id}/members/all (one page): logins.
core::Result<std::vector<std::string>> ParseMemberLogins(std::string_view body,
                                                         std::string_view login_field);
// GET /repos/{o}/{r}/collaborators/{user}/permission: "admin", "maintain", "write", "triage",
// "read" or "none" (role_name when present, else permission).
core::Result<std::string> ParseGithubPermission(std::string_view body);
// GET /repos/{o}/{r}/commits/{ref}: the commit's 40-hex SHA.
core::Result<std::string> ParseGithubCommitSha(std::string_view body);
struct GithubRepository {
  bool archived = false;
  std::string default_branch;
};
// GET /repos/{o}/{r}.
core::Result<GithubRepository> ParseGithubRepository(std::string_view body);
// GET /repos/{o}/{r}/compare/{base}...{head}: "identical", "behind", "ahead" or "diverged".
core::Result<std::string> ParseGithubCompareStatus(std::string_view body);
// GET /repos/{o}/{r}/tags (one page): each tag's commit SHA.
core::Result<std::vector<std::string>> ParseGithubTagCommits(std::string_view body);
// GET /repos/{o}/{r}/git/ref/{kind}/{name}: whether the answer is that very ref (`full_ref`,
// "refs/tags/v1"); a list (refs that only start with it) is not.
core::Result<bool> ParseGithubRefIs(std::string_view body, std::string_view full_ref);
// GET /advisories?ecosystem=actions&affects={o}/{r} (one page): the advisories naming the
// action `repository` among their vulnerabilities, with that vulnerability's range.
core::Result<std::vector<ActionAdvisory>> ParseGithubAdvisories(std::string_view body,
                                                                std::string_view repository);
// GET /repos/{o}/{r}/pulls/{n}/commits (one page): each commit's author and committer login
// (a commit GitHub links to no account has none), how many commits the page lists, and their
// ids (`sha`, where given).
struct GithubPullCommits {
  std::vector<std::string> logins;
  std::size_t commits = 0;
  std::vector<std::string> shas;
};
core::Result<GithubPullCommits> ParseGithubPullCommits(std::string_view body);
// GET /projects/:id/merge_requests/:iid/approvals.
core::Result<GitlabApprovals> ParseGitlabApprovals(std::string_view body);
// GET /projects/:id/merge_requests/:iid.
core::Result<MergeRequestInfo> ParseGitlabMergeRequest(std::string_view body);
// GET /projects/:id/approvals (the project's approval settings).
core::Result<GitlabApprovalSettings> ParseGitlabApprovalSettings(std::string_view body);

// The URL of the next page from a `Link` header (rel="next"), if any.
std::optional<std::string> NextPageLink(std::string_view link_header);

}  // namespace riskgate::collect::forge
