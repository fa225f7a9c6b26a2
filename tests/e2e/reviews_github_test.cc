// Issue 7, end to end: the reviews control against a real HTTP server on 127.0.0.1 that answers
// with GitHub's REST shapes: reviews across pages, dismissed, stale, self and bot approvals, a
// team owner, and faults (500s, 429 with Retry-After, truncated JSON, timeouts). Every fault
// ends in exit 2 or a blocking finding, never a pass. CODEOWNERS is read from the base revision.
#include <catch2/catch.hpp>
#include <ctime>

#include "e2e/review_findings.h"
#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using Env = std::map<std::string, std::string>;
using nlohmann::json;

const std::string kPolicy = R"(version: 1
controls:
  reviews:
    min_approvals: 1
    paths:
      - paths: ['src/auth/**']
        min_approvals: 2
    forge: {timeout_seconds: 1, retries: 1, max_retry_wait_seconds: 5}
)";

const std::string kCodeowners =
    "# who must approve\n/src/auth/ @octo/security\n/docs/ @docwriter\n";

const std::string kReviews = "/repos/octo/app/pulls/12/reviews?per_page=100";
const std::string kTeam = "/orgs/octo/teams/security/members?per_page=100";
const std::string kCommits = "/repos/octo/app/pulls/12/commits?per_page=100";

// The pull request's commits as GitHub lists them: each by `author` (a login, or null where
// GitHub links the email to no account), committed through the web pages by `web-flow`.
// A pull request's commits as GitHub lists them, oldest first: the last is the head.
json Commits(const std::vector<std::string>& authors, const std::string& head) {
  json list = json::array();
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const std::string& author = authors[i];
    list.push_back({{"sha", i + 1 == authors.size() ? head : std::string(40, 'a')},
                    {"commit", {{"message", "work"}}},
                    {"author", author.empty() ? json(nullptr) : json{{"login", author}}},
                    {"committer", {{"login", "web-flow"}}}});
  }
  return list;
}

json Review(int id, const std::string& login, const std::string& state, const std::string& commit,
            const std::string& type = "User") {
  return {
      {"id", id},
      {"user", {{"login", login}, {"id", id * 10}, {"type", type}}},
      {"state", state},
      {"commit_id", commit},
      {"submitted_at", "2026-11-20T10:00:00Z"},
      {"author_association", "MEMBER"},
      {"body", ""},
      {"html_url", "https://github.com/octo/app/pull/12#pullrequestreview-" + std::to_string(id)}};
}

// A repository whose base has the policy and CODEOWNERS, and a pull request changing `path`.
struct GithubPr {
  TempRepo repo;
  FixtureServer server;
  std::string base, old_head, head, payload;

  explicit GithubPr(const std::string& path = "src/auth/login.cc",
                    const std::string& policy = kPolicy) {
    repo.Write(".riskgate.yaml", policy);
    repo.Write(".github/CODEOWNERS", kCodeowners);
    repo.Write("README.md", "app\n");
    base = repo.Commit("base");
    repo.Git({"checkout", "-q", "-b", "feature"});
    repo.Write(path, "int login();\n");
    old_head = repo.Commit("first try");
    repo.Write(path, "int login(int);\n");
    head = repo.Commit("address review");
    json event = {{"action", "synchronize"},
                  {"number", 12},
                  {"pull_request",
                   {{"number", 12},
                    {"html_url", "https://github.com/octo/app/pull/12"},
                    {"user", {{"login", "carol"}, {"type", "User"}}},
                    {"base", {{"sha", base}, {"ref", "main"}}},
                    {"head", {{"sha", head}, {"ref", "feature"}}}}},
                  {"repository", {{"full_name", "octo/app"}}}};
    repo.Write(".git/event.json", event.dump());
    payload = repo.path() + "/.git/event.json";
    server.On(kTeam, json::array({{{"login", "alice"}}, {{"login", "zed"}}}).dump());
    // Collaborators with write access, and one passer-by who can only read.
    for (const char* user : {"alice", "bob", "dave", "erin", "frank"}) {
      server.On(std::string("/repos/octo/app/collaborators/") + user + "/permission",
                json{{"permission", "write"}, {"role_name", "write"}}.dump());
    }
    server.On("/repos/octo/app/collaborators/mallory/permission",
              json{{"permission", "read"}, {"role_name", "read"}}.dump());
    server.On(kCommits, Commits({"carol", "carol"}, head).dump());
  }

  // Commits the working tree as the pull request's new head.
  void NewHead(const std::string& message) {
    head = repo.Commit(message);
    const json event = {{"pull_request",
                         {{"number", 12},
                          {"user", {{"login", "carol"}}},
                          {"base", {{"sha", base}}},
                          {"head", {{"sha", head}}}}}};
    repo.Write(".git/event.json", event.dump());
    server.On(kCommits, Commits({"carol", "carol", "carol"}, head).dump());
  }

  Env Environment() const {
    return {{"GITHUB_ACTIONS", "true"},
            {"GITHUB_EVENT_NAME", "pull_request"},
            {"GITHUB_EVENT_PATH", payload},
            {"GITHUB_REPOSITORY", "octo/app"},
            {"GITHUB_API_URL", server.url()},
            {"GITHUB_TOKEN", FakeGithubToken()},
            {"RISKGATE_GITHUB_TOKEN", ""},
            {"GITLAB_CI", ""},
            {"PRE_COMMIT", ""},
            {"GIT_INDEX_FILE", ""}};
  }

  // Reviews in two pages, joined by a Link header as GitHub sends it.
  void Reviews(const json& first, const json& second) {
    const std::string next = server.url() + "/repos/octo/app/pulls/12/reviews?per_page=100&page=2";
    server.On(
        kReviews,
        {FixtureResponse{200,
                         first.dump(),
                         {{"Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\""}},
                         0}});
    server.On("/repos/octo/app/pulls/12/reviews?per_page=100&page=2", second.dump());
  }

  // With these reviews (one page), the run blocks on exactly one reviews finding: that one.
  json OnlyReviewFinding(const json& reviews) {
    Reviews(reviews, json::array());
    const auto result = Check();
    CHECK(result.exit_code == 1);
    const auto findings = ReviewFindings(result);
    REQUIRE(findings.size() == 1);
    return findings.front();
  }

  ProcessResult Check(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"check", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return repo.Riskgate(args, Environment());
  }
};

}  // namespace

TEST_CASE("GitHub approvals count each reviewer's latest verdict across pages", "[e2e][reviews]") {
  GithubPr pr;
  pr.Reviews(
      json::array({Review(1, "alice", "APPROVED", pr.head), Review(2, "bob", "COMMENTED", pr.head),
                   Review(3, "bob", "APPROVED", pr.head)}),
      json::array({Review(4, "bob", "COMMENTED", pr.head)}));
  const auto result = pr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(ReviewFindings(result).empty());
  // Both pages were read, the team was resolved, and the token went only to the fixture API.
  CHECK(pr.server.CountRequests("/repos/octo/app/pulls/12/reviews?per_page=100&page=2") == 1);
  CHECK(pr.server.CountRequests(kTeam) == 1);
  for (const auto& request : pr.server.requests()) {
    CHECK(request.authorization == "Bearer " + FakeGithubToken());
  }
}

TEST_CASE("dismissed, stale, self and bot approvals do not count on GitHub", "[e2e][reviews]") {
  GithubPr pr;
  pr.Reviews(
      json::array({Review(1, "alice", "APPROVED", pr.head), Review(2, "bob", "APPROVED", pr.head),
                   Review(3, "carol", "APPROVED", pr.head),
                   Review(9, "mallory", "APPROVED", pr.head)}),
      json::array({Review(4, "bob", "DISMISSED", pr.head),
                   Review(5, "dave", "APPROVED", pr.old_head),
                   Review(6, "renovate[bot]", "APPROVED", pr.head, "Bot"),
                   Review(7, "erin", "CHANGES_REQUESTED", pr.head),
                   Review(8, "erin", "COMMENTED", pr.head)}));
  const auto result = pr.Check();
  CHECK(result.exit_code == 1);
  const auto findings = ReviewFindings(result);
  REQUIRE(findings.size() == 1);
  const auto& f = findings.front();
  CHECK(f["rule"] == "approvals-missing");
  CHECK(f["decision"] == "block");
  CHECK(f["path"] == "src/auth/login.cc");
  const std::string message = f["message"];
  CHECK_THAT(message, Catch::Contains("needs 2 approvals"));
  CHECK_THAT(message, Catch::Contains("has 1: approved by: alice"));
  CHECK_THAT(message, Catch::Contains("carol (the change's author)"));
  CHECK_THAT(message, Catch::Contains("renovate[bot] (a bot)"));
  CHECK_THAT(message, Catch::Contains("dave (approved commit " + pr.old_head.substr(0, 12)));
  CHECK_THAT(message, Catch::Contains("mallory (no write access (read))"));
  CHECK_THAT(message, !Catch::Contains("bob"));
  CHECK_THAT(message, !Catch::Contains("erin"));
  // Remedies: request the review, or accept the risk with a waiver.
  bool has_accept = false;
  for (const auto& r : f["remediation"]) has_accept = has_accept || r["kind"] == "accept";
  CHECK(has_accept);
}

TEST_CASE("stale approvals count when the policy says so", "[e2e][reviews]") {
  std::string policy = kPolicy;
  policy.replace(policy.find("    forge:"), 0, "    stale_approvals: count\n");
  GithubPr pr("src/auth/login.cc", policy);
  pr.Reviews(json::array({Review(1, "alice", "APPROVED", pr.head)}),
             json::array({Review(2, "dave", "APPROVED", pr.old_head)}));
  const auto result = pr.Check();
  CHECK(result.exit_code == 0);
  CHECK(ReviewFindings(result).empty());
}

TEST_CASE("a team owner's approval is required and resolved through the API", "[e2e][reviews]") {
  GithubPr pr;
  const json finding = pr.OnlyReviewFinding(json::array(
      {Review(1, "bob", "APPROVED", pr.head), Review(2, "frank", "APPROVED", pr.head)}));
  CHECK(finding["rule"] == "code-owner-approval-missing");
  const std::string message = finding["message"];
  CHECK_THAT(message, Catch::Contains("src/auth/login.cc needs 1 approval from @octo/security"));
  CHECK_THAT(message, Catch::Contains(".github/CODEOWNERS line 2"));
  bool names_owner = false;
  for (const auto& r : finding["remediation"]) {
    names_owner = names_owner || (r["kind"] == "fix" && r["summary"].get<std::string>().find(
                                                            "@octo/security") != std::string::npos);
  }
  CHECK(names_owner);
}

TEST_CASE("a team the token cannot read leaves the owner requirement unmet", "[e2e][reviews]") {
  GithubPr pr;
  pr.server.On(kTeam, {FixtureResponse{403, R"({"message":"Resource not accessible"})", {}, 0}});
  const json finding = pr.OnlyReviewFinding(json::array(
      {Review(1, "alice", "APPROVED", pr.head), Review(2, "bob", "APPROVED", pr.head)}));
  CHECK_THAT(finding["message"].get<std::string>(),
             Catch::Contains("unresolved: @octo/security: GET"));
}

TEST_CASE("a pull request that rewrites CODEOWNERS is judged by the base's file",
          "[e2e][reviews]") {
  GithubPr pr;
  // The PR also drops the security team from CODEOWNERS; the base's file still applies.
  pr.repo.Write(".github/CODEOWNERS", "/docs/ @docwriter\n");
  pr.NewHead("nobody owns auth any more");
  const json finding = pr.OnlyReviewFinding(json::array(
      {Review(1, "bob", "APPROVED", pr.head), Review(2, "frank", "APPROVED", pr.head)}));
  CHECK(finding["rule"] == "code-owner-approval-missing");
  CHECK_THAT(finding["message"].get<std::string>(), Catch::Contains("@octo/security"));
}

TEST_CASE("GitHub faults fail closed with a message that says what failed", "[e2e][reviews]") {
  GithubPr pr;
  SECTION("500 on every attempt: exit 2 after the bounded retries") {
    pr.server.On(kReviews, {FixtureResponse{500, R"({"message":"Server Error"})", {}, 0}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("failed after 2 attempts: HTTP 500"));
    CHECK_THAT(result.err, Catch::Contains("/repos/octo/app/pulls/12/reviews"));
    CHECK(pr.server.CountRequests(kReviews) == 2);
  }
  SECTION("truncated JSON: exit 2, never a partial count") {
    pr.server.On(kReviews, R"([{"id": 1, "user": {"login": "alice"}, "state": "APPRO)");
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("not valid JSON"));
  }
  SECTION("an answer of the wrong shape: exit 2") {
    pr.server.On(kReviews, R"({"reviews": []})");
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("not an array"));
  }
  SECTION("no answer within the timeout: exit 2") {
    pr.server.On(kReviews, {FixtureResponse{200, "[]", {}, 2.5}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("no answer within 1.0 s"));
  }
  SECTION("401: exit 2 naming the token problem, and the token is never printed") {
    pr.server.On(kReviews, {FixtureResponse{401, R"({"message":"Bad credentials"})", {}, 0}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("HTTP 401"));
    CHECK_THAT(result.err, Catch::Contains("token is missing, expired or invalid"));
    CHECK(pr.server.CountRequests(kReviews) == 1);  // not retried
    CHECK(result.err.find(FakeGithubToken().substr(4)) == std::string::npos);
  }
  SECTION("a server that echoes the token back does not get it printed") {
    pr.server.On(
        kReviews,
        {FixtureResponse{400, R"({"message":"bad token )" + FakeGithubToken() + R"("})", {}, 0}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("bad token [token]"));
    CHECK(result.err.find(FakeGithubToken().substr(4)) == std::string::npos);
  }
  SECTION("a rate-limit Retry-After beyond the allowed wait fails at once") {
    pr.server.On(kReviews, {FixtureResponse{429, "{}", {{"Retry-After", "3600"}}, 0}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("rate limited"));
    CHECK(pr.server.CountRequests(kReviews) == 1);
  }
}

TEST_CASE("a 429 with Retry-After and GitHub's secondary rate limit are waited out",
          "[e2e][reviews]") {
  GithubPr pr;
  const json reviews =
      json::array({Review(1, "alice", "APPROVED", pr.head), Review(2, "bob", "APPROVED", pr.head)});
  SECTION("429") {
    pr.server.On(kReviews,
                 {FixtureResponse{429, R"({"message":"slow down"})", {{"Retry-After", "1"}}, 0},
                  FixtureResponse{200, reviews.dump(), {}, 0}});
  }
  SECTION("403 secondary rate limit") {
    pr.server.On(kReviews,
                 {FixtureResponse{403,
                                  R"({"message":"You have exceeded a secondary rate limit"})",
                                  {{"Retry-After", "1"}},
                                  0},
                  FixtureResponse{200, reviews.dump(), {}, 0}});
  }
  const auto result = pr.Check();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(pr.server.CountRequests(kReviews) == 2);
}

TEST_CASE("a Retry-After given as an HTTP-date is honoured, and bounded", "[e2e][reviews]") {
  GithubPr pr;
  auto http_date = [](std::time_t offset) {
    const std::time_t at = std::time(nullptr) + offset;
    std::tm tm{};
    gmtime_r(&at, &tm);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(text);
  };
  const std::string limited = R"({"message":"You have exceeded a secondary rate limit"})";
  SECTION("a date two seconds ahead is waited out") {
    pr.server.On(kReviews, {FixtureResponse{403, limited, {{"Retry-After", http_date(2)}}, 0},
                            FixtureResponse{200,
                                            json::array({Review(1, "alice", "APPROVED", pr.head),
                                                         Review(2, "bob", "APPROVED", pr.head)})
                                                .dump(),
                                            {},
                                            0}});
    const auto result = pr.Check();
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(pr.server.CountRequests(kReviews) == 2);
  }
  SECTION("a date an hour ahead fails at once") {
    pr.server.On(kReviews, {FixtureResponse{403, limited, {{"Retry-After", http_date(3600)}}, 0}});
    const auto result = pr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("rate limited"));
    CHECK(pr.server.CountRequests(kReviews) == 1);
  }
}

TEST_CASE("on_error: block turns an unreachable forge into a blocking finding", "[e2e][reviews]") {
  std::string policy = kPolicy;
  policy.replace(policy.find("    forge:"), 0, "    on_error: block\n");
  GithubPr pr("src/auth/login.cc", policy);
  pr.server.On(kReviews, {FixtureResponse{503, "unavailable", {}, 0}});
  const auto result = pr.Check();
  CHECK(result.exit_code == 1);
  const auto findings = ReviewFindings(result);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "reviews-unavailable");
  CHECK(findings[0]["decision"] == "block");
  CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains("HTTP 503"));
}

TEST_CASE("a waiver added in a pull request is approved by its approver's GitHub review",
          "[e2e][reviews][waivers]") {
  GithubPr pr;
  pr.repo.Write(".riskgate/waivers.yaml",
                "version: 1\nwaivers:\n  - id: W-1\n    rule: some-rule\n    reason: r\n"
                "    owner: carol\n    approver: alice\n    created: 2026-11-20\n"
                "    expires: 2026-12-01\n");
  pr.NewHead("accept a risk");
  auto waiver_finding = [&](const json& reviews) {
    pr.Reviews(reviews, json::array());
    auto env = pr.Environment();
    env["RISKGATE_NOW"] = "2026-11-27";
    const auto result = pr.repo.Riskgate({"check", "--format", "json"}, env);
    INFO(result.err);
    const json doc = json::parse(result.out);
    for (const auto& f : doc["findings"]) {
      if (f["rule"] == "waiver-changed") return f;
    }
    return json();
  };
  const json approved = waiver_finding(json::array({Review(1, "alice", "APPROVED", pr.head)}));
  REQUIRE(approved.is_object());
  CHECK(approved["severity"] == "info");
  CHECK_THAT(
      approved["message"].get<std::string>(),
      Catch::Contains("alice approved it (approval on GitHub pull request #12 of octo/app)"));
  // An approval of an older commit, or by someone else, does not approve the waiver.
  const json stale = waiver_finding(json::array(
      {Review(1, "alice", "APPROVED", pr.old_head), Review(2, "bob", "APPROVED", pr.head)}));
  REQUIRE(stale.is_object());
  CHECK(stale["severity"] != "info");
  CHECK_THAT(stale["message"].get<std::string>(), Catch::Contains("alice must approve it"));
}

TEST_CASE("a pagination link to another host is refused, the token stays home", "[e2e][reviews]") {
  GithubPr pr;
  pr.server.On(kReviews,
               {FixtureResponse{
                   200, "[]", {{"Link", "<https://evil.example/steal?page=2>; rel=\"next\""}}, 0}});
  const auto result = pr.Check();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("refusing to follow a pagination link"));
}

TEST_CASE("a GitHub push without a pull request judges the commit trailers like GitLab",
          "[e2e][reviews]") {
  TempRepo repo;
  FixtureServer server;
  repo.Write(".riskgate.yaml", kPolicy);
  repo.Write(".github/CODEOWNERS", kCodeowners);
  const std::string base = repo.Commit("base");
  repo.Write("docs/guide.md", "# guide\n");
  auto push = [&](const std::string& message) {
    const std::string head = repo.Commit(message);
    repo.Write(".git/event.json", json{{"ref", "refs/heads/main"},
                                       {"before", base},
                                       {"after", head},
                                       {"repository", {{"full_name", "octo/app"}}}}
                                      .dump());
    return repo.Riskgate({"check", "--format", "json"},
                         {{"CI", "true"},
                          {"GITHUB_ACTIONS", "true"},
                          {"GITHUB_EVENT_NAME", "push"},
                          {"GITHUB_EVENT_PATH", repo.path() + "/.git/event.json"},
                          {"GITHUB_REPOSITORY", "octo/app"},
                          {"GITHUB_API_URL", server.url()},
                          {"GITHUB_TOKEN", FakeGithubToken()},
                          {"RISKGATE_GITHUB_TOKEN", ""},
                          {"GITLAB_CI", ""},
                          {"PRE_COMMIT", ""},
                          {"GIT_INDEX_FILE", ""}});
  };
  const auto unapproved = push("docs");
  INFO(unapproved.out << unapproved.err);
  CHECK(unapproved.exit_code == 1);
  const auto findings = ReviewFindings(unapproved);
  REQUIRE(!findings.empty());
  bool names_owner = false;
  for (const auto& f : findings) {
    names_owner |= f["message"].get<std::string>().find(
                       "docs/guide.md needs 1 approval from @docwriter") != std::string::npos;
  }
  CHECK(names_owner);
  repo.Write("docs/guide.md", "# guide\n\nmore\n");
  const auto approved = push("docs, reviewed\n\nReviewed-by: @docwriter\n");
  INFO(approved.out << approved.err);
  CHECK(approved.exit_code == 0);
  CHECK(ReviewFindings(approved).empty());
  CHECK(server.requests().empty());  // no pull request, so no review API call
}

TEST_CASE("an approval by someone who wrote commits of the pull request does not count",
          "[e2e][reviews]") {
  GithubPr pr("docs/guide.md");
  pr.server.On(kReviews, json::array({Review(1, "docwriter", "APPROVED", pr.head)}).dump());
  pr.server.On("/repos/octo/app/collaborators/docwriter/permission",
               json{{"permission", "write"}, {"role_name", "write"}}.dump());
  // carol opened it; docwriter, an owner, pushed a commit to it and approved it.
  pr.server.On(kCommits, Commits({"carol", "", "docwriter"}, pr.head).dump());
  // The check blocks, and its first reviews finding says `why`.
  const auto blocks_saying = [&](const std::string& why) {
    const auto blocked = pr.Check();
    INFO(blocked.out << blocked.err);
    CHECK(blocked.exit_code == 1);
    const auto findings = ReviewFindings(blocked);
    REQUIRE(!findings.empty());
    CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains(why));
  };
  blocks_saying("docwriter (wrote commits of the change)");
  // Commits by others only: the owner's approval counts.
  pr.server.On(kCommits, Commits({"carol", ""}, pr.head).dump());
  auto result = pr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  // A list that stops short of the head (a proxy that dropped the Link header, a page lost, a
  // push since) may leave out the approver's commit: no approval counts.
  pr.server.On(kCommits, Commits({"carol", ""}, pr.old_head).dump());
  blocks_saying("does not reach its head " + pr.head.substr(0, 12));
  // GitHub lists at most 250 commits: who wrote the rest cannot be told.
  pr.server.On(
      kCommits,
      {FixtureResponse{200,
                       Commits(std::vector<std::string>(100, "carol"), pr.head).dump(),
                       {{"Link", "<" + pr.server.url() + kCommits + "&page=2>; rel=\"next\""}},
                       0}});
  pr.server.On(
      kCommits + "&page=2",
      {FixtureResponse{200,
                       Commits(std::vector<std::string>(100, "carol"), pr.head).dump(),
                       {{"Link", "<" + pr.server.url() + kCommits + "&page=3>; rel=\"next\""}},
                       0}});
  pr.server.On(kCommits + "&page=3",
               Commits(std::vector<std::string>(50, "carol"), pr.head).dump());
  blocks_saying("GitHub lists only 250 commits");
  // A commits list that is not GitHub's shape is an error, not approvals taken on trust.
  pr.server.On(kCommits, R"({"commits": []})");
  result = pr.Check();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("reading the commits of"));
}

TEST_CASE("a policy counting committers' approvals does not read the commits", "[e2e][reviews]") {
  GithubPr pr("docs/guide.md", std::string(kPolicy) + "    count_committers: true\n");
  pr.server.On(kReviews, json::array({Review(1, "docwriter", "APPROVED", pr.head)}).dump());
  pr.server.On("/repos/octo/app/collaborators/docwriter/permission",
               json{{"permission", "write"}, {"role_name", "write"}}.dump());
  pr.server.On(kCommits, Commits({"docwriter"}, pr.head).dump());
  const auto result = pr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(pr.server.CountRequests(kCommits) == 0);
}

}  // namespace riskgate::testing
