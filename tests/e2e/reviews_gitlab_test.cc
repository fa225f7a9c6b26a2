// Issue 7, end to end: GitLab merge request approvals (approved_by, approvals_left) from a real
// HTTP server on 127.0.0.1, with CODEOWNERS sections ([Section][N], optional ^[Section]) read
// from the merge request's base, group owners resolved through the API, and the token sent as
// PRIVATE-TOKEN and never printed.
#include <catch2/catch.hpp>

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
    forge: {timeout_seconds: 2, retries: 1}
)";

const std::string kCodeowners =
    "[Security][2]\n/src/auth/ @sec-lead @sec-two @acme/security\n\n^[Docs]\n/docs/ @docwriter\n";

const std::string kMr = "/projects/42/merge_requests/7";
const std::string kProjectApprovals = "/projects/42/approvals";
const std::string kGroup = "/groups/acme%2Fsecurity/members/all?per_page=100";

json Users(const std::vector<std::string>& names) {
  json list = json::array();
  int id = 1;
  for (const auto& name : names) {
    list.push_back(
        {{"user", {{"id", id++}, {"username", name}, {"name", name}, {"state", "active"}}}});
  }
  return list;
}

struct GitlabMr {
  TempRepo repo;
  FixtureServer server;
  std::string base, head;

  explicit GitlabMr(const std::string& policy = kPolicy) {
    repo.Write(".riskgate.yaml", policy);
    repo.Write(".gitlab/CODEOWNERS", kCodeowners);
    repo.Write("README.md", "app\n");
    base = repo.Commit("base");
    repo.Git({"checkout", "-q", "-b", "feature"});
    repo.Write("src/auth/login.cc", "int login();\n");
    repo.Write("docs/auth.md", "# auth\n");
    head = repo.Commit("login");
    server.On(kMr, json{{"iid", 7},
                        {"author", {{"username", "author"}}},
                        {"sha", head},
                        {"web_url", "https://gitlab.example/acme/app/-/merge_requests/7"}}
                       .dump());
    server.On(kGroup, json::array({{{"username", "sec-three"}}}).dump());
    ResetOnPush(true);
  }

  // The project's setting "Remove all approvals when commits are added to the source branch".
  void ResetOnPush(bool reset) {
    server.On(kProjectApprovals, json{{"approvals_before_merge", 0},
                                      {"reset_approvals_on_push", reset},
                                      {"selective_code_owner_removals", false},
                                      {"merge_requests_author_approval", false}}
                                     .dump());
  }

  void Approvals(const std::vector<std::string>& names, int required, int left) {
    server.On(kMr + "/approvals", json{{"approved", left == 0},
                                       {"approvals_required", required},
                                       {"approvals_left", left},
                                       {"approved_by", Users(names)}}
                                      .dump());
  }

  ProcessResult Check(const Env& overrides = {}) {
    Env env = {{"GITLAB_CI", "true"},
               {"CI_PIPELINE_SOURCE", "merge_request_event"},
               {"CI_MERGE_REQUEST_IID", "7"},
               {"CI_MERGE_REQUEST_PROJECT_ID", "42"},
               {"CI_MERGE_REQUEST_DIFF_BASE_SHA", base},
               {"CI_COMMIT_SHA", head},
               {"CI_API_V4_URL", server.url()},
               {"GITLAB_TOKEN", FakeGitlabToken()},
               {"RISKGATE_GITLAB_TOKEN", ""},
               {"GITHUB_ACTIONS", ""},
               {"PRE_COMMIT", ""},
               {"GIT_INDEX_FILE", ""}};
    for (const auto& [name, value] : overrides) env[name] = value;
    return repo.Riskgate({"check", "--format", "json"}, env);
  }
};

}  // namespace

TEST_CASE("a GitLab section needing two owner approvals blocks with one", "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "author"}, 1, 0);
  const auto result = mr.Check();
  CHECK(result.exit_code == 1);
  const auto findings = ReviewFindings(result);
  REQUIRE(findings.size() == 1);  // the optional [Docs] section asks nothing
  CHECK(findings[0]["rule"] == "code-owner-approval-missing");
  const std::string message = findings[0]["message"];
  CHECK_THAT(message, Catch::Contains("src/auth/login.cc needs 2 approvals from @sec-lead, "
                                      "@sec-two, @acme/security"));
  CHECK_THAT(message, Catch::Contains("section [Security]"));
  CHECK_THAT(message, Catch::Contains("author (the change's author)"));
  for (const auto& request : mr.server.requests()) {
    CHECK(request.private_token == FakeGitlabToken());
    CHECK(request.authorization.empty());
  }
}

TEST_CASE("a GitLab group member's approval counts for the group", "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "sec-three"}, 1, 0);
  const auto result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(ReviewFindings(result).empty());
  CHECK(mr.server.CountRequests(kGroup) == 1);
}

TEST_CASE("GitLab's own approval rules still wanting approvals block", "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "sec-two"}, 3, 1);
  const auto result = mr.Check();
  CHECK(result.exit_code == 1);
  const auto findings = ReviewFindings(result);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "forge-approvals-missing");
  CHECK_THAT(findings[0]["message"].get<std::string>(),
             Catch::Contains("still need 1 approval (3 required)"));
}

TEST_CASE("a GitLab answer without approved_by fails closed", "[e2e][reviews]") {
  GitlabMr mr;
  mr.server.On(kMr + "/approvals", R"({"approvals_required": 1, "approvals_left": 0})");
  const auto result = mr.Check();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("approved_by is missing"));
  CHECK_THAT(result.err, Catch::Contains("GitLab merge request !7"));
}

TEST_CASE("a GitLab push pipeline without a merge request judges the commit trailers",
          "[e2e][reviews]") {
  GitlabMr mr;
  auto push = [&](const std::string& head) {
    return mr.repo.Riskgate({"check", "--format", "json"}, {{"CI", "true"},
                                                            {"GITLAB_CI", "true"},
                                                            {"CI_PIPELINE_SOURCE", "push"},
                                                            {"CI_MERGE_REQUEST_IID", ""},
                                                            {"CI_COMMIT_BEFORE_SHA", mr.base},
                                                            {"CI_COMMIT_SHA", head},
                                                            {"CI_API_V4_URL", mr.server.url()},
                                                            {"GITLAB_TOKEN", FakeGitlabToken()},
                                                            {"RISKGATE_GITLAB_TOKEN", ""},
                                                            {"GITHUB_ACTIONS", ""},
                                                            {"PRE_COMMIT", ""},
                                                            {"GIT_INDEX_FILE", ""}});
  };
  const auto unapproved = push(mr.head);
  INFO(unapproved.out << unapproved.err);
  CHECK(unapproved.exit_code == 1);
  CHECK(!ReviewFindings(unapproved).empty());
  mr.repo.Write("docs/auth.md", "# auth\n\nmore\n");
  mr.repo.Git({"rm", "-q", "-r", "src"});
  const auto approved = push(mr.repo.Commit("docs only\n\nReviewed-by: @docwriter\n"));
  INFO(approved.out << approved.err);
  CHECK(approved.exit_code == 0);
  CHECK(mr.server.requests().empty());
}

TEST_CASE("a merged-results pipeline judges the source branch head, not GitLab's merge commit",
          "[e2e][reviews]") {
  GitlabMr mr;
  // GitLab merges the source head into the target's newer tip and runs on that merge commit.
  mr.repo.Git({"checkout", "-q", "--detach", mr.base});
  mr.repo.Write("target.txt", "moved on\n");
  const std::string target = mr.repo.Commit("target moved on");
  mr.repo.Git({"merge", "-q", "--no-ff", "-m", "merged result", mr.head});
  const std::string merge = mr.repo.Git({"rev-parse", "HEAD"}).substr(0, 40);
  mr.Approvals({"sec-lead", "sec-three"}, 1, 0);
  const auto result = mr.Check({{"CI_COMMIT_SHA", merge},
                                {"CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", mr.head},
                                {"CI_MERGE_REQUEST_TARGET_BRANCH_SHA", target}});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(ReviewFindings(result).empty());
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc.dump().find(merge) == std::string::npos);
}

TEST_CASE("GitLab faults fail closed and never pass", "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "sec-three"}, 1, 0);  // passes when every call answers
  SECTION("500 on every attempt of the approvals call: exit 2 after the bounded retries") {
    mr.server.On(kMr + "/approvals", {FixtureResponse{500, R"({"message":"500"})", {}, 0}});
    const auto result = mr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("HTTP 500"));
    CHECK_THAT(result.err, Catch::Contains("approvals of GitLab merge request !7"));
    CHECK(mr.server.CountRequests(kMr + "/approvals") == 2);
  }
  SECTION("truncated approvals JSON: exit 2, never a partial count") {
    mr.server.On(kMr + "/approvals", R"({"approvals_left": 0, "approved_by": [{"user": {"userna)");
    const auto result = mr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("not valid JSON"));
  }
  SECTION("no answer within the timeout: exit 2") {
    mr.server.On(kMr, {FixtureResponse{200, "{}", {}, 3.0}});
    const auto result = mr.Check();
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("no answer within 2.0 s"));
  }
  SECTION("a group whose members cannot be read leaves its requirement unmet: block") {
    mr.server.On(kGroup, {FixtureResponse{500, "{}", {}, 0}});
    const auto result = mr.Check();
    CHECK(result.exit_code == 1);
    const auto findings = ReviewFindings(result);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["rule"] == "code-owner-approval-missing");
  }
  SECTION("a truncated second page of members fails the group, not the check open") {
    mr.server.On(kGroup,
                 {FixtureResponse{
                     200, json::array({{{"username", "zed"}}}).dump(), {{"X-Next-Page", "2"}}, 0}});
    mr.server.On(kGroup + "&page=2", R"([{"username": "sec-th)");
    const auto result = mr.Check();
    CHECK(result.exit_code == 1);
  }
}

TEST_CASE("GitLab group members are read across pages by Link and by X-Next-Page",
          "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "sec-three"}, 1, 0);
  const std::string second = kGroup + "&page=2";
  const std::string first = json::array({{{"username", "zed"}}}).dump();
  SECTION("Link rel=next") {
    mr.server.On(
        kGroup,
        {FixtureResponse{
            200, first, {{"Link", "<" + mr.server.url() + second + ">; rel=\"next\""}}, 0}});
  }
  SECTION("X-Next-Page only") {
    mr.server.On(kGroup, {FixtureResponse{200, first, {{"X-Next-Page", "2"}}, 0}});
  }
  mr.server.On(
      second,
      {FixtureResponse{
          200, json::array({{{"username", "sec-three"}}}).dump(), {{"X-Next-Page", ""}}, 0}});
  const auto result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(ReviewFindings(result).empty());
  CHECK(mr.server.CountRequests(second) == 1);
}

TEST_CASE("GitLab approvals a push does not remove are not taken as the head's", "[e2e][reviews]") {
  GitlabMr mr;
  mr.Approvals({"sec-lead", "sec-two"}, 1, 0);
  // Approvals reset on push: those listed are of the head, and they count.
  auto result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(mr.server.CountRequests(kProjectApprovals) == 1);
  // Kept across pushes: they may be approvals of an earlier, harmless version.
  mr.ResetOnPush(false);
  result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  const auto findings = ReviewFindings(result);
  REQUIRE(!findings.empty());
  const std::string message = findings[0]["message"];
  CHECK_THAT(message, Catch::Contains("sec-lead (GitLab keeps approvals when commits are pushed"));
  CHECK_THAT(message, Catch::Contains("reset_approvals_on_push is off"));
  CHECK_THAT(message, Catch::Contains("stale_approvals: count"));
  // Settings GitLab does not answer are an error, not approvals taken on trust.
  mr.server.On(kProjectApprovals, "{}");
  result = mr.Check();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("reset_approvals_on_push"));
  // A GitLab without the setting (Free) answers 404: its approvals stay across pushes.
  mr.server.On(kProjectApprovals, {FixtureResponse{404, R"({"message":"404 Not Found"})", {}, 0}});
  result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  const auto kept = ReviewFindings(result);
  REQUIRE(!kept.empty());
  CHECK_THAT(kept[0]["message"].get<std::string>(),
             Catch::Contains("GitLab answers 404 for the project's approval settings"));
}

TEST_CASE("a policy counting stale approvals does not ask GitLab how it keeps them",
          "[e2e][reviews]") {
  GitlabMr mr(std::string(kPolicy) + "    stale_approvals: count\n");
  mr.Approvals({"sec-lead", "sec-two"}, 1, 0);
  mr.ResetOnPush(false);
  const auto result = mr.Check();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(mr.server.CountRequests(kProjectApprovals) == 0);
}

}  // namespace riskgate::testing
