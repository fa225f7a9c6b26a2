#include <algorithm>
#include <map>
#include <set>

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

// How many commits of a pull request GitHub lists at most (`GET .../pulls/N/commits`).
constexpr std::size_t kGithubListedCommits = 250;

// Who authored or committed the pull request's commits (GitHub's `web-flow`, which commits what
// is done in its web pages, is no one), into `facts`.
core::Result<void> ReadCommitters(HttpClient& client, const std::string& base,
                                  const std::string& what, ReviewFacts& facts) {
  auto pages = client.GetPages(base + "/commits?per_page=100");
  if (!pages) return tl::unexpected(Context(pages.error(), "reading the commits of " + what));
  std::size_t commits = 0;
  bool reaches_head = false;
  std::set<std::string> seen;
  for (const auto& page : *pages) {
    auto parsed = ParseGithubPullCommits(page);
    if (!parsed) return tl::unexpected(Context(parsed.error(), "reading the commits of " + what));
    commits += parsed->commits;
    for (const auto& sha : parsed->shas) {
      reaches_head = reaches_head || core::AsciiLower(sha) == core::AsciiLower(facts.head_commit);
    }
    for (const auto& login : parsed->logins) {
      if (core::AsciiLower(login) == "web-flow") continue;
      if (seen.insert(core::AsciiLower(login)).second) facts.committers.push_back(login);
    }
  }
  const std::string unknown =
      ", so whether this reviewer wrote one of the others cannot be told (split the pull "
      "request, or set controls.reviews.count_committers: true)";
  if (commits >= kGithubListedCommits) {
    facts.committers_unknown = "GitHub lists only " + std::to_string(kGithubListedCommits) +
                               " commits of the pull request" + unknown;
  } else if (!reaches_head) {
    // A list cut short (a proxy that drops the Link header, a page lost) or read after a push.
    facts.committers_unknown = "GitHub's list of the pull request's commits (" +
                               std::to_string(commits) + ") does not reach its head " +
                               facts.head_commit.substr(0, 12) + unknown;
  }
  return {};
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
  // Whose commits the pull request holds, when there is an approval (whoever gave it: the
  // policy may count the author's or a bot's).
  const bool approved =
      std::any_of(facts.reviews.begin(), facts.reviews.end(),
                  [](const Review& review) { return review.state == ReviewState::kApproved; });
  if (pr.need_committers && approved) {
    if (auto read = ReadCommitters(client, base, what, facts); !read) {
      return tl::unexpected(read.error());
    }
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

namespace {

constexpr int kMaxTagPages = 5;       // of 100 tags: a repository with more is not judged stale
constexpr std::size_t kMaxRefs = 10;  // symbolic refs looked up per repository

// A ref as API path segments: each part between slashes encoded ("release/v1" stays two).
std::string EncodeRefPath(const std::string& ref) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = ref.find('/', start);
    out += EncodeSegment(ref.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) return out;
    out += '/';
    start = slash + 1;
  }
}

// Whether refs/<kind>/<ref> exists in `repository`.
core::Result<bool> RefExists(HttpClient& client, const std::string& repository,
                             const std::string& kind, const std::string& ref,
                             const std::string& what) {
  auto response =
      client.Get("/repos/" + repository + "/git/ref/" + kind + "/" + EncodeRefPath(ref));
  if (!response && IsNotFound(response.error())) return false;
  if (!response) return tl::unexpected(Context(response.error(), what));
  auto is = ParseGithubRefIs(response->body, "refs/" + kind + "/" + ref);
  if (!is) return tl::unexpected(Context(is.error(), what));
  return *is;
}

// How `head` compares with `base` in `repository` ("identical", "behind", ...); "unknown" when
// GitHub does not know one of them.
core::Result<std::string> CompareStatus(HttpClient& client, const std::string& repository,
                                        const std::string& base, const std::string& head,
                                        const std::string& what) {
  auto compared =
      client.Get("/repos/" + repository + "/compare/" + EncodeSegment(base) + "..." + head);
  if (!compared && IsNotFound(compared.error())) return std::string("unknown");
  if (!compared) return tl::unexpected(Context(compared.error(), what));
  auto status = ParseGithubCompareStatus(compared->body);
  if (!status) return tl::unexpected(Context(status.error(), what));
  return *status;
}

// The commits of the repository's tags, at most kMaxTagPages pages; false when there were more.
core::Result<bool> ListTagCommits(HttpClient& client, const std::string& repository,
                                  const std::string& what, std::set<std::string>& out) {
  for (int page = 1; page <= kMaxTagPages; ++page) {
    auto response =
        client.Get("/repos/" + repository + "/tags?per_page=100&page=" + std::to_string(page));
    if (!response && IsNotFound(response.error())) return false;
    if (!response) return tl::unexpected(Context(response.error(), what + "'s tags"));
    auto commits = ParseGithubTagCommits(response->body);
    if (!commits) return tl::unexpected(Context(commits.error(), what + "'s tags"));
    out.insert(commits->begin(), commits->end());
    if (commits->size() < 100) return true;
  }
  return false;
}

}  // namespace

core::Result<ActionFacts> LookUpAction(HttpClient& client, const std::string& repository,
                                       const ActionQuery& query) {
  const std::map<std::string, std::string>& commits = query.commits;
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
    // On record: the tag's commit, reachable from the default branch, or (a release branch's
    // commit) from the tag its comment names.
    commit.on_record = commit.tag_sha == sha;
    for (const std::string& from : {info->default_branch, commit.tag_sha}) {
      if (commit.on_record) break;
      if (from.empty()) continue;
      auto status = CompareStatus(client, repository, from, sha, what + " at " + sha);
      if (!status) return tl::unexpected(status.error());
      commit.on_record = *status == "identical" || *status == "behind";
    }
    facts.commits[sha] = std::move(commit);
  }
  // A SHA on record whose comment names no release may still be some release's commit: only
  // the list of tags tells (stale-action-refs). A comment naming another release is judged as
  // ref-version-mismatch instead.
  const bool untold = std::any_of(facts.commits.begin(), facts.commits.end(), [](const auto& c) {
    return c.second.on_record && c.second.tag.empty();
  });
  if (untold) {
    auto listed = ListTagCommits(client, repository, what, facts.tag_commits);
    if (!listed) return tl::unexpected(listed.error());
    facts.tags_listed = *listed;
  }
  for (const std::string& ref : query.refs) {
    if (facts.refs.size() >= kMaxRefs) break;
    const std::string about = what + " at " + core::EscapeForDisplay(ref);
    auto branch = RefExists(client, repository, "heads", ref, about);
    if (!branch) return tl::unexpected(branch.error());
    auto tag = RefExists(client, repository, "tags", ref, about);
    if (!tag) return tl::unexpected(tag.error());
    facts.refs[ref] = ActionRef{*branch, *tag};
  }
  return facts;
}

}  // namespace riskgate::collect::forge
