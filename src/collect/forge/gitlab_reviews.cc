#include "collect/forge/review_sources.h"
#include "core/text.h"

namespace riskgate::collect::forge {
namespace {

core::Error Context(core::Error error, const std::string& what) {
  error.message = what + ": " + error.message;
  return error;
}

// "@group/subgroup" -> members (direct and inherited), or why not.
void ResolveGroup(HttpClient& client, const std::string& group, ReviewFacts& facts) {
  auto pages =
      client.GetPages("/groups/" + EncodeSegment(group.substr(1)) + "/members/all?per_page=100");
  const std::string key = core::AsciiLower(group);
  if (!pages) {
    facts.unresolved_teams[key] = pages.error().message;
    return;
  }
  std::vector<std::string> members;
  for (const auto& page : *pages) {
    auto usernames = ParseMemberLogins(page, "username");
    if (!usernames) {
      facts.unresolved_teams[key] = usernames.error().message;
      return;
    }
    members.insert(members.end(), usernames->begin(), usernames->end());
  }
  facts.teams[key] = std::move(members);
}

}  // namespace

core::Result<ReviewFacts> ReadGitlabReviews(HttpClient& client, const GitlabMergeRequest& mr,
                                            const std::vector<std::string>& groups) {
  const std::string base =
      "/projects/" + EncodeSegment(mr.project) + "/merge_requests/" + std::to_string(mr.iid);
  const std::string what = "GitLab merge request !" + std::to_string(mr.iid) + " of project " +
                           core::EscapeForDisplay(mr.project);
  ReviewFacts facts;
  facts.origin = ReviewOrigin::kGitlab;
  facts.request = what;
  auto response = client.Get(base);
  if (!response) return tl::unexpected(Context(response.error(), "reading " + what));
  auto info = ParseGitlabMergeRequest(response->body);
  if (!info) return tl::unexpected(Context(info.error(), "reading " + what));
  facts.authors.push_back(info->author);
  facts.head_commit = info->head_sha;
  facts.url = info->url;
  auto approvals_response = client.Get(base + "/approvals");
  if (!approvals_response) {
    return tl::unexpected(Context(approvals_response.error(), "reading the approvals of " + what));
  }
  auto approvals = ParseGitlabApprovals(approvals_response->body);
  if (!approvals) {
    return tl::unexpected(Context(approvals.error(), "reading the approvals of " + what));
  }
  // GitLab resets or keeps approvals on push by its own project setting: where it resets them,
  // an approval it still lists is one of the current head; where it keeps them, of no commit
  // that can be told. Without the need, that setting is not asked.
  if (mr.need_current) {
    const std::string project = "/projects/" + EncodeSegment(mr.project) + "/approvals";
    auto settings_response = client.Get(project);
    if (!settings_response && IsNotFound(settings_response.error())) {
      // GitLab Free has no such setting (nor this endpoint): approvals stay across pushes.
      facts.approvals_outlive_pushes =
          "GitLab answers 404 for the project's approval settings, GET " + project +
          ": a GitLab without the setting keeps them";
    } else if (!settings_response) {
      return tl::unexpected(Context(settings_response.error(),
                                    "reading the approval settings of the project of " + what));
    } else {
      auto settings = ParseGitlabApprovalSettings(settings_response->body);
      if (!settings) {
        return tl::unexpected(
            Context(settings.error(), "reading the approval settings of the project of " + what));
      }
      if (!settings->reset_approvals_on_push) {
        facts.approvals_outlive_pushes = "reset_approvals_on_push is off";
      }
    }
  }
  for (const auto& username : approvals->approved_by) {
    Review review;
    review.login = username;
    review.shown = username;
    review.commit = facts.approvals_outlive_pushes.empty() ? info->head_sha : std::string();
    // Access-token bots are named project_<id>_bot_<hash> / group_<id>_bot_<hash>.
    review.bot = username.ends_with("[bot]") ||
                 ((username.starts_with("project_") || username.starts_with("group_")) &&
                  username.find("_bot") != std::string::npos);
    facts.reviews.push_back(std::move(review));
  }
  facts.approvals_required = approvals->approvals_required;
  facts.approvals_left = approvals->approvals_left;
  for (const auto& group : groups) ResolveGroup(client, group, facts);
  return facts;
}

}  // namespace riskgate::collect::forge
