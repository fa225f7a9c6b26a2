#include "collect/forge/forge_json.h"

#include "core/json_document.h"
#include "core/text.h"

namespace riskgate::collect::forge {
namespace {

using core::Node;

core::Error Bad(std::string what) {
  return core::Error{core::ErrorCode::kForge, "the API answered unexpected JSON: " + what, ""};
}

core::Result<Node> Parse(std::string_view body) {
  // A malformed or truncated body is an error, never a partial list; so is a key given twice
  // (which copy counts would depend on the reader).
  auto doc = core::ParseJson(body);
  if (doc) return std::move(*doc);
  const core::JsonError& error = doc.error();
  switch (error.problem) {
    case core::JsonProblem::kTooDeep:
      return tl::unexpected(
          Bad("nested more than " + std::to_string(core::kMaxJsonDepth) + " levels deep"));
    case core::JsonProblem::kDuplicateKey:
      return tl::unexpected(Bad(error.ToString()));
    default:
      return tl::unexpected(Bad("not valid JSON (truncated or garbled): " + error.ToString()));
  }
}

// The string at `key` of `object`; an error when it is missing, empty or not a string (every
// required field is a name, a state or a commit id: empty is never valid).
core::Result<std::string> Text(const Node& object, std::string_view key, const std::string& where) {
  const Node* value = object.Find(key);
  if (value == nullptr || !value->IsString() || value->scalar.empty()) {
    return tl::unexpected(
        Bad(where + "." + std::string(key) + " is missing, empty or not a string"));
  }
  return value->scalar;
}

std::optional<std::string> OptionalText(const Node& object, std::string_view key) {
  const Node* value = object.Find(key);
  if (value == nullptr || !value->IsString()) return std::nullopt;
  return value->scalar;
}

// An integer field (what nlohmann's is_number_integer() and get<long long>() accepted, minus
// values past 64 bits, which it wrapped), else nothing.
std::optional<long long> IntegerAt(const Node& object, std::string_view key) {
  const Node* value = object.Find(key);
  if (value == nullptr) return std::nullopt;
  return core::IntegerOf(*value);
}

std::optional<int> OptionalCount(const Node& object, std::string_view key) {
  const auto value = IntegerAt(object, key);
  if (!value || *value < 0 || *value > 1000000) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<ReviewState> StateOf(const std::string& state) {
  if (state == "APPROVED") return ReviewState::kApproved;
  if (state == "CHANGES_REQUESTED") return ReviewState::kChangesRequested;
  if (state == "COMMENTED") return ReviewState::kCommented;
  if (state == "DISMISSED") return ReviewState::kDismissed;
  if (state == "PENDING") return ReviewState::kPending;
  return std::nullopt;
}

bool IsSha(const std::string& text) {
  return text.size() == 40 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

core::Result<std::vector<Review>> ParseGithubReviews(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsList()) return tl::unexpected(Bad("the reviews list is not an array"));
  std::vector<Review> out;
  for (std::size_t i = 0; i < doc->items.size(); ++i) {
    const Node& item = doc->items[i];
    const std::string where = "reviews[" + std::to_string(i) + "]";
    if (!item.IsMap()) return tl::unexpected(Bad(where + " is not an object"));
    auto state_text = Text(item, "state", where);
    if (!state_text) return tl::unexpected(state_text.error());
    auto state = StateOf(*state_text);
    if (!state) {
      return tl::unexpected(
          Bad(where + ".state '" + core::EscapeForDisplay(*state_text) + "' is unknown"));
    }
    const Node* user = item.Find("user");
    if (user == nullptr) return tl::unexpected(Bad(where + ".user is missing"));
    // A deleted account ("ghost") has a null user: its review cannot count for anyone.
    if (user->IsNull()) continue;
    if (!user->IsMap()) return tl::unexpected(Bad(where + ".user is not an object"));
    auto login = Text(*user, "login", where + ".user");
    if (!login) return tl::unexpected(login.error());
    Review review;
    review.login = *login;
    review.shown = *login;
    review.state = *state;
    review.commit = OptionalText(item, "commit_id").value_or("");
    review.bot = OptionalText(*user, "type").value_or("") == "Bot" || login->ends_with("[bot]");
    out.push_back(std::move(review));
  }
  return out;
}

core::Result<GithubPullCommits> ParseGithubPullCommits(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsList()) return tl::unexpected(Bad("the pull request's commits are not an array"));
  GithubPullCommits out;
  out.commits = doc->items.size();
  for (std::size_t i = 0; i < doc->items.size(); ++i) {
    const Node& item = doc->items[i];
    const std::string where = "commits[" + std::to_string(i) + "]";
    if (!item.IsMap()) return tl::unexpected(Bad(where + " is not an object"));
    if (auto sha = OptionalText(item, "sha")) out.shas.push_back(*sha);
    for (const char* role : {"author", "committer"}) {
      const Node* user = item.Find(role);
      if (user == nullptr || user->IsNull()) continue;  // no GitHub account behind the email
      if (!user->IsMap()) return tl::unexpected(Bad(where + "." + role + " is not an object"));
      auto login = Text(*user, "login", where + "." + role);
      if (!login) return tl::unexpected(login.error());
      out.logins.push_back(*login);
    }
  }
  return out;
}

core::Result<PullRequestInfo> ParseGithubPull(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  return ReadGithubPull(*doc);
}

core::Result<PullRequestInfo> ReadGithubPull(const Node& doc) {
  if (!doc.IsMap()) return tl::unexpected(Bad("the pull request is not an object"));
  PullRequestInfo info;
  const auto number = IntegerAt(doc, "number");
  if (!number || *number <= 0) {
    return tl::unexpected(Bad("pull_request.number is missing or not a positive integer"));
  }
  info.number = *number;
  const Node* user = doc.Find("user");
  if (user == nullptr || !user->IsMap()) {
    return tl::unexpected(Bad("pull_request.user is missing"));
  }
  auto author = Text(*user, "login", "pull_request.user");
  if (!author) return tl::unexpected(author.error());
  info.author = *author;
  for (auto [key, out] : {std::pair{"head", &info.head_sha}, std::pair{"base", &info.base_sha}}) {
    const Node* side = doc.Find(key);
    if (side == nullptr || !side->IsMap()) {
      return tl::unexpected(Bad(std::string("pull_request.") + key + " is missing"));
    }
    auto sha = Text(*side, "sha", std::string("pull_request.") + key);
    if (!sha) return tl::unexpected(sha.error());
    if (!IsSha(*sha)) {
      return tl::unexpected(Bad(std::string("pull_request.") + key + ".sha is not a commit id"));
    }
    *out = *sha;
  }
  info.url = OptionalText(doc, "html_url").value_or("");
  return info;
}

core::Result<std::vector<std::string>> ParseMemberLogins(std::string_view body,
                                                         std::string_view login_field) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsList()) return tl::unexpected(Bad("the member list is not an array"));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc->items.size(); ++i) {
    const Node& item = doc->items[i];
    const std::string where = "members[" + std::to_string(i) + "]";
    if (!item.IsMap()) return tl::unexpected(Bad(where + " is not an object"));
    auto login = Text(item, login_field, where);
    if (!login) return tl::unexpected(login.error());
    out.push_back(*login);
  }
  return out;
}

core::Result<std::string> ParseGithubPermission(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the permission is not an object"));
  if (auto role = OptionalText(*doc, "role_name"); role && !role->empty()) return *role;
  auto permission = Text(*doc, "permission", "permission");
  if (!permission) return tl::unexpected(permission.error());
  return *permission;
}

core::Result<std::string> ParseGithubCommitSha(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the commit is not an object"));
  auto sha = Text(*doc, "sha", "commit");
  if (!sha) return tl::unexpected(sha.error());
  if (!IsSha(*sha)) return tl::unexpected(Bad("commit.sha is not a 40-hex commit id"));
  return *sha;
}

core::Result<GithubRepository> ParseGithubRepository(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the repository is not an object"));
  GithubRepository out;
  const Node* archived = doc->Find("archived");
  if (archived == nullptr || !archived->IsBool()) {
    return tl::unexpected(Bad("repository.archived is missing or not a boolean"));
  }
  out.archived = archived->scalar == "true";
  auto branch = Text(*doc, "default_branch", "repository");
  if (!branch) return tl::unexpected(branch.error());
  out.default_branch = *branch;
  return out;
}

core::Result<std::string> ParseGithubCompareStatus(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the comparison is not an object"));
  auto status = Text(*doc, "status", "comparison");
  if (!status) return tl::unexpected(status.error());
  if (*status != "identical" && *status != "behind" && *status != "ahead" &&
      *status != "diverged") {
    return tl::unexpected(Bad("comparison.status is not identical, behind, ahead or diverged"));
  }
  return *status;
}

core::Result<std::vector<std::string>> ParseGithubTagCommits(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsList()) return tl::unexpected(Bad("the tags list is not an array"));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc->items.size(); ++i) {
    const Node& item = doc->items[i];
    const std::string where = "tags[" + std::to_string(i) + "]";
    const Node* commit = item.IsMap() ? item.Find("commit") : nullptr;
    if (commit == nullptr || !commit->IsMap()) {
      return tl::unexpected(Bad(where + ".commit is missing or not an object"));
    }
    auto sha = Text(*commit, "sha", where + ".commit");
    if (!sha) return tl::unexpected(sha.error());
    if (!IsSha(*sha)) return tl::unexpected(Bad(where + ".commit.sha is not a 40-hex commit id"));
    out.push_back(core::AsciiLower(*sha));
  }
  return out;
}

core::Result<bool> ParseGithubRefIs(std::string_view body, std::string_view full_ref) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (doc->IsList()) return false;
  if (!doc->IsMap()) return tl::unexpected(Bad("the ref is not an object"));
  auto ref = Text(*doc, "ref", "ref");
  if (!ref) return tl::unexpected(ref.error());
  return *ref == full_ref;
}

core::Result<std::vector<ActionAdvisory>> ParseGithubAdvisories(std::string_view body,
                                                                std::string_view repository) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsList()) return tl::unexpected(Bad("the advisories list is not an array"));
  std::vector<ActionAdvisory> out;
  for (std::size_t i = 0; i < doc->items.size(); ++i) {
    const Node& item = doc->items[i];
    const std::string where = "advisories[" + std::to_string(i) + "]";
    if (!item.IsMap()) return tl::unexpected(Bad(where + " is not an object"));
    auto id = Text(item, "ghsa_id", where);
    if (!id) return tl::unexpected(id.error());
    const Node* vulnerabilities = item.Find("vulnerabilities");
    if (vulnerabilities == nullptr || !vulnerabilities->IsList()) {
      return tl::unexpected(Bad(where + ".vulnerabilities is missing or not an array"));
    }
    for (const Node& vulnerability : vulnerabilities->items) {
      if (!vulnerability.IsMap()) continue;
      const Node* package = vulnerability.Find("package");
      if (package == nullptr || !package->IsMap()) continue;
      const auto name = OptionalText(*package, "name");
      if (!name || core::AsciiLower(*name) != core::AsciiLower(repository)) continue;
      ActionAdvisory advisory;
      advisory.id = *id;
      advisory.summary = OptionalText(item, "summary").value_or("");
      advisory.severity = OptionalText(item, "severity").value_or("");
      advisory.vulnerable_range =
          OptionalText(vulnerability, "vulnerable_version_range").value_or("");
      // A string in the global database, {identifier} in a repository's advisories.
      if (const Node* patched = vulnerability.Find("first_patched_version"); patched != nullptr) {
        advisory.patched =
            patched->IsString()
                ? patched->scalar
                : (patched->IsMap() ? OptionalText(*patched, "identifier").value_or("") : "");
      }
      out.push_back(std::move(advisory));
    }
  }
  return out;
}

core::Result<GitlabApprovals> ParseGitlabApprovals(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the approvals are not an object"));
  GitlabApprovals out;
  const Node* approved_by = doc->Find("approved_by");
  if (approved_by == nullptr || !approved_by->IsList()) {
    return tl::unexpected(Bad("approvals.approved_by is missing or not an array"));
  }
  for (std::size_t i = 0; i < approved_by->items.size(); ++i) {
    const Node& item = approved_by->items[i];
    const std::string where = "approved_by[" + std::to_string(i) + "]";
    if (!item.IsMap()) return tl::unexpected(Bad(where + " is not an object"));
    const Node* user = item.Find("user");
    if (user == nullptr || !user->IsMap()) {
      return tl::unexpected(Bad(where + ".user is missing"));
    }
    auto username = Text(*user, "username", where + ".user");
    if (!username) return tl::unexpected(username.error());
    out.approved_by.push_back(*username);
  }
  out.approvals_required = OptionalCount(*doc, "approvals_required");
  out.approvals_left = OptionalCount(*doc, "approvals_left");
  return out;
}

core::Result<GitlabApprovalSettings> ParseGitlabApprovalSettings(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap())
    return tl::unexpected(Bad("the project's approval settings are not an object"));
  const Node* reset = doc->Find("reset_approvals_on_push");
  if (reset == nullptr || !reset->IsBool()) {
    return tl::unexpected(Bad("approvals.reset_approvals_on_push is missing or not a boolean"));
  }
  GitlabApprovalSettings out;
  out.reset_approvals_on_push = reset->scalar == "true";
  return out;
}

core::Result<MergeRequestInfo> ParseGitlabMergeRequest(std::string_view body) {
  auto doc = Parse(body);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->IsMap()) return tl::unexpected(Bad("the merge request is not an object"));
  MergeRequestInfo info;
  const Node* author = doc->Find("author");
  if (author == nullptr || !author->IsMap()) {
    return tl::unexpected(Bad("merge_request.author is missing"));
  }
  auto username = Text(*author, "username", "merge_request.author");
  if (!username) return tl::unexpected(username.error());
  info.author = *username;
  auto sha = Text(*doc, "sha", "merge_request");
  if (!sha) return tl::unexpected(sha.error());
  if (!IsSha(*sha)) return tl::unexpected(Bad("merge_request.sha is not a commit id"));
  info.head_sha = *sha;
  info.url = OptionalText(*doc, "web_url").value_or("");
  return info;
}

std::optional<std::string> NextPageLink(std::string_view link_header) {
  // Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
  std::size_t pos = 0;
  while (pos < link_header.size()) {
    const auto open = link_header.find('<', pos);
    if (open == std::string_view::npos) return std::nullopt;
    const auto close = link_header.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    auto end = link_header.find(",", close);
    if (end == std::string_view::npos) end = link_header.size();
    const std::string_view params = link_header.substr(close + 1, end - close - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos ||
        params.find("rel=next") != std::string_view::npos) {
      return std::string(link_header.substr(open + 1, close - open - 1));
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace riskgate::collect::forge
