#include <map>

#include "collect/event_payload.h"
#include "collect/forge/review_sources.h"
#include "core/text.h"

namespace riskgate::collect::forge {

std::string EncodeSegment(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  // "." and ".." would climb the URL path; encoded they are just names.
  const bool dots_only = text.find_first_not_of('.') == std::string::npos;
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || (c == '.' && !dots_only) || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool IsRepositoryName(const std::string& repository) {
  const auto slash = repository.find('/');
  if (slash == std::string::npos || repository.find('/', slash + 1) != std::string::npos) {
    return false;
  }
  for (const std::string& part : {repository.substr(0, slash), repository.substr(slash + 1)}) {
    if (part.empty() || part.find_first_not_of('.') == std::string::npos) return false;
    for (unsigned char c : part) {
      if (std::isalnum(c) == 0 && c != '-' && c != '_' && c != '.') return false;
    }
  }
  return true;
}

namespace {

core::Error Context(core::Error error, const std::string& what) {
  error.message = what + ": " + error.message;
  return error;
}

// "@org/team" -> members, or why not.
void ResolveTeam(HttpClient& client, const std::string& team, ReviewFacts& facts) {
  const auto slash = team.find('/');
  const std::string org = team.substr(1, slash - 1);
  const std::string slug = team.substr(slash + 1);
  auto pages = client.GetPages("/orgs/" + EncodeSegment(org) + "/teams/" + EncodeSegment(slug) +
                               "/members?per_page=100");
  if (!pages) {
    facts.unresolved_teams[core::AsciiLower(team)] =
        pages.error().message + " (the token needs read access to the organisation's teams)";
    return;
  }
  std::vector<std::string> members;
  for (const auto& page : *pages) {
    auto logins = ParseMemberLogins(page, "login");
    if (!logins) {
      facts.unresolved_teams[core::AsciiLower(team)] = logins.error().message;
      return;
    }
    members.insert(members.end(), logins->begin(), logins->end());
  }
  facts.teams[core::AsciiLower(team)] = std::move(members);
}

}  // namespace

core::Result<ReviewFacts> ReadGithubReviews(HttpClient& client, const GithubPullRequest& pr,
                                            const std::vector<std::string>& teams) {
  if (!IsRepositoryName(pr.repository)) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "'" + core::EscapeForDisplay(pr.repository) +
                               "' is not a GitHub repository name (OWNER/REPO)");
  }
  const std::string base = "/repos/" + pr.repository + "/pulls/" + std::to_string(pr.number);
  const std::string what = "GitHub pull request #" + std::to_string(pr.number) + " of " +
                           core::EscapeForDisplay(pr.repository);
  ReviewFacts facts;
  facts.origin = ReviewOrigin::kGithub;
  facts.request = what;
  PullRequestInfo info;
  if (pr.known) {
    info = *pr.known;
  } else {
    auto response = client.Get(base);
    if (!response) return tl::unexpected(Context(response.error(), "reading " + what));
    auto parsed = ParseGithubPull(response->body);
    if (!parsed) return tl::unexpected(Context(parsed.error(), "reading " + what));
    info = *parsed;
  }
  facts.authors.push_back(info.author);
  facts.head_commit = info.head_sha;
  facts.url = info.url;
  auto pages = client.GetPages(base + "/reviews?per_page=100");
  if (!pages) return tl::unexpected(Context(pages.error(), "reading the reviews of " + what));
  for (const auto& page : *pages) {
    auto reviews = ParseGithubReviews(page);
    if (!reviews) {
      return tl::unexpected(Context(reviews.error(), "reading the reviews of " + what));
    }
    facts.reviews.insert(facts.reviews.end(), reviews->begin(), reviews->end());
  }
  // Only approvals from people who can write to the repository count (GitHub's own rule;
  // author_association is not proof of it).
  std::map<std::string, std::string> permissions;
  for (auto& review : facts.reviews) {
    if (review.state != ReviewState::kApproved || review.bot || review.login == info.author) {
      continue;
    }
    auto it = permissions.find(review.login);
    if (it == permissions.end()) {
      auto response = client.Get("/repos/" + pr.repository + "/collaborators/" +
                                 EncodeSegment(review.login) + "/permission");
      if (!response) {
        return tl::unexpected(Context(response.error(), "reading the permission of reviewer " +
                                                            core::EscapeForDisplay(review.login)));
      }
      auto permission = ParseGithubPermission(response->body);
      if (!permission) {
        return tl::unexpected(
            Context(permission.error(),
                    "reading the permission of reviewer " + core::EscapeForDisplay(review.login)));
      }
      it = permissions.emplace(review.login, *permission).first;
    }
    const std::string& level = it->second;
    review.write_access = level == "admin" || level == "maintain" || level == "write";
    if (!review.write_access) review.permission = level;
  }
  for (const auto& team : teams) ResolveTeam(client, team, facts);
  return facts;
}

core::Result<std::optional<PullRequestInfo>> PullRequestFromEvent(const std::string& path) {
  auto read = ReadEventPayload(path);
  if (!read) return tl::unexpected(read.error());
  const core::Node* pull = read->Find("pull_request");
  if (pull == nullptr || !pull->IsMap()) return std::optional<PullRequestInfo>();
  auto info = ReadGithubPull(*pull);
  if (!info) {
    return core::MakeError(core::ErrorCode::kIo,
                           "the event's pull_request: " + info.error().message, path);
  }
  return std::optional<PullRequestInfo>(*info);
}

core::Result<std::string> ResolveGithubRef(HttpClient& client, const std::string& repository,
                                           const std::string& ref) {
  const std::string what =
      "resolving " + core::EscapeForDisplay(repository) + "@" + core::EscapeForDisplay(ref);
  if (!IsRepositoryName(repository)) {
    return core::MakeError(core::ErrorCode::kForge,
                           what + ": not a GitHub repository name (OWNER/REPO)");
  }
  auto response = client.Get("/repos/" + repository + "/commits/" + EncodeSegment(ref));
  if (!response) return tl::unexpected(Context(response.error(), what));
  auto sha = ParseGithubCommitSha(response->body);
  if (!sha) return tl::unexpected(Context(sha.error(), what));
  return *sha;
}

core::Result<ActionFacts> LookUpAction(HttpClient& client, const std::string& repository,
                                       const std::map<std::string, std::string>& commits) {
  const std::string what = "looking up the action " + core::EscapeForDisplay(repository);
  if (!IsRepositoryName(repository)) {
    return core::MakeError(core::ErrorCode::kForge,
                           what + ": not a GitHub repository name (OWNER/REPO)");
  }
  auto response = client.Get("/repos/" + repository);
  if (!response) return tl::unexpected(Context(response.error(), what));
  auto info = ParseGithubRepository(response->body);
  if (!info) return tl::unexpected(Context(info.error(), what));
  ActionFacts facts;
  facts.archived = info->archived;
  auto advisories =
      client.Get("/advisories?ecosystem=actions&affects=" + EncodeSegment(repository));
  if (!advisories) return tl::unexpected(Context(advisories.error(), what + "'s advisories"));
  auto parsed = ParseGithubAdvisories(advisories->body, repository);
  if (!parsed) return tl::unexpected(Context(parsed.error(), what + "'s advisories"));
  facts.advisories = std::move(*parsed);
  for (const auto& [sha, tag] : commits) {
    ActionCommit commit;
    commit.tag = tag;
    if (!tag.empty()) {
      auto tagged = ResolveGithubRef(client, repository, tag);
      if (!tagged && !IsNotFound(tagged.error())) return tl::unexpected(tagged.error());
      if (tagged) commit.tag_sha = *tagged;
    }
    if (commit.tag_sha == sha) {
      commit.on_record = true;
    } else {
      auto compared = client.Get("/repos/" + repository + "/compare/" +
                                 EncodeSegment(info->default_branch) + "..." + sha);
      if (!compared && !IsNotFound(compared.error())) {
        return tl::unexpected(Context(compared.error(), what + " at " + sha));
      }
      std::string status = "unknown";
      if (compared) {
        auto read = ParseGithubCompareStatus(compared->body);
        if (!read) return tl::unexpected(Context(read.error(), what + " at " + sha));
        status = *read;
      }
      commit.on_record = status == "identical" || status == "behind";
      // A release branch's commit: reachable from the tag its comment names.
      if (!commit.on_record && !commit.tag_sha.empty()) {
        auto from_tag =
            client.Get("/repos/" + repository + "/compare/" + commit.tag_sha + "..." + sha);
        if (!from_tag && !IsNotFound(from_tag.error())) {
          return tl::unexpected(Context(from_tag.error(), what + " at " + sha));
        }
        if (from_tag) {
          auto read = ParseGithubCompareStatus(from_tag->body);
          if (!read) return tl::unexpected(Context(read.error(), what + " at " + sha));
          commit.on_record = *read == "identical" || *read == "behind";
        }
      }
    }
    facts.commits[sha] = std::move(commit);
  }
  return facts;
}

}  // namespace riskgate::collect::forge
