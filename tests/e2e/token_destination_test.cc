// Issue 16, end to end: the GitHub token goes only to the API the trusted side names (the CI
// platform's GITHUB_API_URL, or the base commit's policy), never to a URL a policy in the
// change names; staged and worktree checks call no API unless RISKGATE_NETWORK=1; a server's
// error message is printed without the credentials it reflects. Two real servers on 127.0.0.1:
// `trusted` (the platform's API) and `hostile` (named by the change) record every request.
#include <catch2/catch.hpp>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

const std::string kWorkflow =
    "name: ci\n"
    "on: [push]\n"
    "permissions: {}\n"
    "jobs:\n"
    "  build:\n"
    "    runs-on: ubuntu-latest\n"
    "    steps:\n"
    "      - uses: octo/tool@v1\n";

std::string PolicyNaming(const std::string& url) {
  return "version: 1\ncontrols:\n  reviews:\n    forge: {github_api_url: '" + url +
         "', retries: 0}\n";
}

struct Servers {
  TempRepo repo;
  FixtureServer trusted;
  FixtureServer hostile;
  Servers() {
    const std::string answer = json{{"sha", std::string(40, 'a')}}.dump();
    trusted.On("/repos/octo/tool/commits/v1", answer);
    hostile.On("/repos/octo/tool/commits/v1", answer);
  }
  std::map<std::string, std::string> Env(bool network) const {
    return {{"GITHUB_API_URL", trusted.url()},
            {"GITHUB_TOKEN", FakeGithubToken()},
            {"RISKGATE_GITHUB_TOKEN", ""},
            {"RISKGATE_NETWORK", network ? "1" : ""},
            {"GITHUB_ACTIONS", ""},
            {"GITLAB_CI", ""},
            {"CI", ""},
            {"PRE_COMMIT", ""},
            {"GIT_INDEX_FILE", ""}};
  }
};

}  // namespace

TEST_CASE("a policy in the working tree never receives the token at the API URL it names",
          "[e2e][forge][leaks]") {
  Servers s;
  s.repo.Write("README.md", "hello\n");
  s.repo.Commit("init");
  s.repo.Write(".riskgate.yaml", PolicyNaming(s.hostile.url()));
  s.repo.Write(".github/workflows/ci.yml", kWorkflow);
  s.repo.Git({"add", "-A"});
  const std::vector<std::vector<std::string>> runs = {
      {"check", "--staged"}, {"check", "--worktree"}, {"fix", "pins", "--dry-run"}};
  for (const auto& args : runs) {
    const auto result = s.repo.Riskgate(args, s.Env(true));
    INFO(args[0] << " " << args[1] << ": " << result.out << result.err);
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CHECK_THAT(result.err, Catch::Contains("ignoring controls.reviews.forge.github_api_url"));
  }
  CHECK(s.hostile.requests().empty());
  // The lookups went to the platform's API, with the token.
  REQUIRE_FALSE(s.trusted.requests().empty());
  for (const auto& request : s.trusted.requests()) {
    CHECK(request.authorization == "Bearer " + FakeGithubToken());
  }
}

TEST_CASE("a staged or worktree check calls no API unless RISKGATE_NETWORK is 1",
          "[e2e][forge][leaks]") {
  Servers s;
  s.repo.Write("README.md", "hello\n");
  s.repo.Commit("init");
  s.repo.Write(".github/workflows/ci.yml", kWorkflow);
  s.repo.Git({"add", "-A"});
  CHECK(s.repo.Riskgate({"check", "--staged"}, s.Env(false)).exit_code == 1);
  CHECK(s.repo.Riskgate({"check", "--worktree"}, s.Env(false)).exit_code == 1);
  CHECK(s.trusted.requests().empty());
  CHECK(s.repo.Riskgate({"check", "--staged"}, s.Env(true)).exit_code == 1);
  CHECK(s.trusted.CountRequests("/repos/octo/tool/commits/v1") == 1);
}

TEST_CASE("a range sends the token to the API of the base policy, not the one the change names",
          "[e2e][forge][leaks]") {
  Servers s;
  s.repo.Write(".riskgate.yaml", PolicyNaming(s.trusted.url()));
  const std::string base = s.repo.Commit("policy");
  s.repo.Write(".riskgate.yaml", PolicyNaming(s.hostile.url()));
  s.repo.Write(".github/workflows/ci.yml", kWorkflow);
  s.repo.Commit("point the forge elsewhere");
  auto env = s.Env(false);
  env["GITHUB_API_URL"] = "";
  const auto result = s.repo.Riskgate({"check", "--base", base, "--head", "HEAD"}, env);
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(s.hostile.requests().empty());
  CHECK(s.trusted.CountRequests("/repos/octo/tool/commits/v1") == 1);
}

TEST_CASE("a forge error that reflects credentials is printed without them",
          "[e2e][forge][leaks]") {
  Servers s;
  s.repo.Write(".github/workflows/ci.yml", kWorkflow);
  s.repo.Commit("ci");
  const std::string reflected = R"({"message":"Bad credentials: )" + FakeGithubToken() + " " +
                                FakeGitlabToken() + " " + FakeAwsKeyId() + R"("})";
  s.trusted.On("/repos/octo/tool/commits/v1", {FixtureResponse{401, reflected, {}, 0}});
  const auto result = s.repo.Riskgate({"fix", "pins"}, s.Env(true));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("HTTP 401"));
  for (const auto& secret : {FakeGithubToken(), FakeGitlabToken(), FakeAwsKeyId()}) {
    CHECK(result.err.find(secret) == std::string::npos);
    CHECK(result.out.find(secret) == std::string::npos);
  }
}

TEST_CASE("a redirect from the API to another host is not followed with the token",
          "[e2e][forge][leaks]") {
  Servers s;
  s.repo.Write(".github/workflows/ci.yml", kWorkflow);
  s.repo.Commit("ci");
  s.trusted.On("/repos/octo/tool/commits/v1",
               {FixtureResponse{302, "", {{"Location", s.hostile.url() + "/steal"}}, 0}});
  const auto result = s.repo.Riskgate({"fix", "pins"}, s.Env(true));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("HTTP 302"));
  CHECK(s.hostile.requests().empty());
}

}  // namespace riskgate::testing
