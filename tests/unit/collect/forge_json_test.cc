// The forge JSON readers: the documented shapes parse; anything else is an error, never a
// shorter list.
#include <catch2/catch.hpp>

#include "collect/forge/forge_json.h"
#include "collect/forge/review_sources.h"

namespace riskgate::collect::forge {

TEST_CASE("GitHub reviews parse with their state, commit and bot flag", "[collect][forge]") {
  auto reviews = ParseGithubReviews(R"([
    {"id": 1, "user": {"login": "alice", "type": "User"}, "state": "APPROVED",
     "commit_id": "0123456789012345678901234567890123456789", "body": ""},
    {"id": 2, "user": {"login": "dependabot[bot]", "type": "Bot"}, "state": "COMMENTED",
     "commit_id": null},
    {"id": 3, "user": null, "state": "APPROVED", "commit_id": "x"}
  ])");
  REQUIRE(reviews.has_value());
  REQUIRE(reviews->size() == 2);  // the ghost (deleted) user's review cannot count
  CHECK((*reviews)[0].login == "alice");
  CHECK((*reviews)[0].state == ReviewState::kApproved);
  CHECK((*reviews)[0].commit == "0123456789012345678901234567890123456789");
  CHECK((*reviews)[1].bot);
  CHECK((*reviews)[1].commit.empty());
}

TEST_CASE("GitHub reviews that are not the documented shape are errors", "[collect][forge]") {
  for (const char* body : {"", "[", "{}", R"([{"state": "APPROVED"}])",
                           R"([{"user": {"login": "a"}, "state": "LGTM"}])",
                           R"([{"user": "a", "state": "APPROVED"}])", R"([1])",
                           // found by fuzz_forge: an empty login would be a reviewer nobody is
                           R"([{"user": {"login": ""}, "state": "APPROVED"}])"}) {
    INFO(body);
    CHECK_FALSE(ParseGithubReviews(body).has_value());
  }
}

TEST_CASE("a pull request needs its number, author and both commit ids", "[collect][forge]") {
  const std::string sha(40, 'c');
  auto pr = ParseGithubPull(R"({"number": 5, "user": {"login": "u"}, "head": {"sha": ")" + sha +
                            R"("}, "base": {"sha": ")" + sha + R"("}})");
  REQUIRE(pr.has_value());
  CHECK(pr->number == 5);
  CHECK(pr->author == "u");
  CHECK_FALSE(ParseGithubPull(R"({"number": 5, "user": {"login": "u"}, "head": {"sha": "abc"},
                                  "base": {"sha": "abc"}})")
                  .has_value());
}

TEST_CASE("a pull request's commits give their authors' and committers' logins",
          "[collect][forge]") {
  auto commits = ParseGithubPullCommits(
      R"([{"sha": "a", "author": {"login": "carol"}, "committer": {"login": "web-flow"}},
          {"sha": "b", "author": null, "committer": {"login": "dave"}},
          {"sha": "c"}])");
  REQUIRE(commits.has_value());
  CHECK(commits->commits == 3);
  CHECK(commits->logins == std::vector<std::string>{"carol", "web-flow", "dave"});
  for (const char* bad : {R"({"commits": []})", R"([{"author": "carol"}])",
                          R"([{"author": {"name": "carol"}}])", "[1]"}) {
    CHECK_FALSE(ParseGithubPullCommits(bad).has_value());
  }
}

TEST_CASE("GitLab approvals and merge requests parse", "[collect][forge]") {
  auto approvals = ParseGitlabApprovals(
      R"({"approvals_required": 2, "approvals_left": 1,
          "approved_by": [{"user": {"id": 1, "username": "sec-lead"}}]})");
  REQUIRE(approvals.has_value());
  CHECK(approvals->approved_by == std::vector<std::string>{"sec-lead"});
  CHECK(approvals->approvals_required == 2);
  CHECK(approvals->approvals_left == 1);
  CHECK_FALSE(ParseGitlabApprovals(R"({"approved_by": [{"user": {}}]})").has_value());
  CHECK_FALSE(
      ParseGitlabMergeRequest(R"({"author": {"username": "a"}, "sha": "nope"})").has_value());
  // The project's settings: whether a push removes approvals, a boolean GitLab must give.
  auto settings = ParseGitlabApprovalSettings(
      R"({"approvals_before_merge": 0, "reset_approvals_on_push": true})");
  REQUIRE(settings.has_value());
  CHECK(settings->reset_approvals_on_push);
  settings = ParseGitlabApprovalSettings(R"({"reset_approvals_on_push": false})");
  REQUIRE(settings.has_value());
  CHECK_FALSE(settings->reset_approvals_on_push);
  for (const char* bad : {"{}", R"({"reset_approvals_on_push": "true"})",
                          R"({"reset_approvals_on_push": 1})", "[]"}) {
    CHECK_FALSE(ParseGitlabApprovalSettings(bad).has_value());
  }
}

TEST_CASE("the next page comes from the Link header's rel=next", "[collect][forge]") {
  CHECK(
      NextPageLink(
          R"(<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last")") ==
      "https://api.github.com/x?page=2");
  CHECK(
      NextPageLink(
          R"(<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next")") ==
      "https://api.github.com/x?page=3");
  CHECK_FALSE(NextPageLink(R"(<https://api.github.com/x?page=1>; rel="first")").has_value());
  CHECK_FALSE(NextPageLink("garbage <").has_value());
}

TEST_CASE("a collaborator permission prefers the role name", "[collect][forge]") {
  CHECK(ParseGithubPermission(R"({"permission": "write", "role_name": "maintain"})") == "maintain");
  CHECK(ParseGithubPermission(R"({"permission": "read"})") == "read");
  CHECK_FALSE(ParseGithubPermission(R"({"user": {}})").has_value());
}

TEST_CASE("a commit lookup yields a full SHA", "[collect][forge]") {
  CHECK(ParseGithubCommitSha(R"({"sha": ")" + std::string(40, 'd') + R"("})") ==
        std::string(40, 'd'));
  CHECK_FALSE(ParseGithubCommitSha(R"({"sha": "v4"})").has_value());
}

TEST_CASE("names that go into API paths cannot climb or inject", "[collect][forge]") {
  CHECK(IsRepositoryName("octo/app.js"));
  CHECK(IsRepositoryName("my-org/my_repo"));
  CHECK_FALSE(IsRepositoryName("../../user"));
  CHECK_FALSE(IsRepositoryName("octo/.."));
  CHECK_FALSE(IsRepositoryName("octo/app?x=1"));
  CHECK_FALSE(IsRepositoryName("octo/app/sub"));
  CHECK_FALSE(IsRepositoryName("octo"));
  CHECK(EncodeSegment("..") == "%2E%2E");
  CHECK(EncodeSegment("v1.2.3") == "v1.2.3");
  CHECK(EncodeSegment("release/1.0") == "release%2F1.0");
  CHECK(EncodeSegment("a b#c?") == "a%20b%23c%3F");
}

}  // namespace riskgate::collect::forge

namespace riskgate::collect::forge {

TEST_CASE("a forge answer nested past the depth limit is an error, not a stack overflow",
          "[collect][forge]") {
  const std::string deep =
      "[{\"id\": " + std::string(100000, '[') + std::string(100000, ']') + "}]";
  const auto reviews = ParseGithubReviews(deep);
  REQUIRE_FALSE(reviews.has_value());
  CHECK(reviews.error().message.find("nested more than 128 levels deep") != std::string::npos);
  CHECK_FALSE(ParseGithubPull("{\"number\": " + std::string(100000, '[') + "}").has_value());
}

}  // namespace riskgate::collect::forge

namespace riskgate::collect::forge {

TEST_CASE("a forge answer that gives a key twice is an error, whichever copy a reader would take",
          "[collect][forge][json]") {
  // One reader would count alice's approval, another the ghost's: neither is what GitHub sent.
  const auto reviews = ParseGithubReviews(
      R"([{"user": {"login": "alice"}, "state": "COMMENTED", "state": "APPROVED"}])");
  REQUIRE_FALSE(reviews.has_value());
  CHECK(reviews.error().message.find("duplicate key 'state'") != std::string::npos);
  CHECK(reviews.error().message.find("line 1, column ") != std::string::npos);
  const std::string sha(40, 'c');
  CHECK_FALSE(ParseGithubPull(R"({"number": 5, "number": 6, "user": {"login": "u"},
                                  "head": {"sha": ")" +
                              sha + R"("}, "base": {"sha": ")" + sha + R"("}})")
                  .has_value());
  CHECK_FALSE(ParseGitlabApprovals(R"({"approved_by": [], "approved_by": [{"user": {"username":
                                       "a"}}]})")
                  .has_value());
  CHECK_FALSE(ParseMemberLogins(R"([{"login": "a", "login": "b"}])", "login").has_value());
}

TEST_CASE("forge numbers keep nlohmann's integer rules", "[collect][forge][json]") {
  const std::string sha(40, 'c');
  auto pull = [&sha](const std::string& number) {
    return ParseGithubPull(R"({"number": )" + number + R"(, "user": {"login": "u"},
                              "head": {"sha": ")" +
                           sha + R"("}, "base": {"sha": ")" + sha + R"("}})");
  };
  CHECK(pull("7").has_value());
  for (const char* bad :
       {"7.0", "7e0", "\"7\"", "0", "-3", "true", "null", "99999999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(pull(bad).has_value());
  }
  const auto approvals = ParseGitlabApprovals(
      R"({"approved_by": [], "approvals_required": 2, "approvals_left": 1.5})");
  REQUIRE(approvals.has_value());
  CHECK(approvals->approvals_required == 2);
  CHECK_FALSE(approvals->approvals_left.has_value());
}

TEST_CASE("a truncated forge answer is an error that says where it stops", "[collect][forge]") {
  const auto reviews = ParseGithubReviews("[\n  {\"user\": {\"login\": \"a\"},\n");
  REQUIRE_FALSE(reviews.has_value());
  CHECK(reviews.error().message.find("not valid JSON (truncated or garbled): line 3") !=
        std::string::npos);
}

}  // namespace riskgate::collect::forge
