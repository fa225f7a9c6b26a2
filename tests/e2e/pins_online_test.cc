// Issue 22, end to end: the pins control's online checks against a real HTTP server on
// 127.0.0.1 standing for GitHub's API. A range adds three SHA pins with release comments: one
// on record whose release has an advisory, one in an archived repository whose comment names a
// tag that points elsewhere, and one GitHub does not know as the action's (a fork's commit);
// a SHA pin without a comment that no tag points at; and two actions used by tag: a release in
// an advisory's range, and a ref of the archived repository that is a branch and a tag at
// once. Offline (no token) the checks are skipped with a note in the report, never passed
// silently; a failing API ends the run (exit 2).
#include <catch2/catch.hpp>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

const std::string kToolSha(40, 'a');
const std::string kGoneSha(40, 'b');
const std::string kGoneTagSha(40, 'c');
const std::string kForkSha(40, 'd');
const std::string kStaleSha(40, 'e');

const std::string kWorkflow =
    "name: ci\n"                    // 1
    "on: [push]\n"                  // 2
    "permissions: {}\n"             // 3
    "jobs:\n"                       // 4
    "  build:\n"                    // 5
    "    runs-on: ubuntu-latest\n"  // 6
    "    steps:\n"                  // 7
    "      - uses: octo/tool@" +
    kToolSha +
    " # v1.2.0\n"  // 8
    "      - uses: octo/gone@" +
    kGoneSha +
    " # v2.0.0\n"  // 9
    "      - uses: octo/fork@" +
    kForkSha +
    " # v3.0.0\n"  // 10
    "      - uses: octo/tool@" +
    kStaleSha +
    "\n"                                // 11
    "      - uses: octo/tool@v1.2.0\n"  // 12
    "      - uses: octo/gone@v2\n";     // 13

std::string Repository(bool archived) {
  return json{{"archived", archived}, {"default_branch", "main"}}.dump();
}

std::string Advisories(const std::string& repository, const std::string& range) {
  return json::array(
             {json{{"ghsa_id", "GHSA-xxxx-yyyy-zzzz"},
                   {"summary", "tool runs what a pull request's title says"},
                   {"severity", "high"},
                   {"vulnerabilities",
                    json::array({json{{"package", {{"ecosystem", "actions"}, {"name", repository}}},
                                      {"vulnerable_version_range", range},
                                      {"first_patched_version", "1.2.1"}}})}}})
      .dump();
}

std::string Compare(const std::string& status) { return json{{"status", status}}.dump(); }

std::string Ref(const std::string& ref) {
  return json{{"ref", ref}, {"object", {{"sha", std::string(40, 'f')}, {"type", "commit"}}}}.dump();
}

struct Forge {
  FixtureServer server;
  Forge() {
    server.On("/repos/octo/tool", Repository(false));
    server.On("/advisories?ecosystem=actions&affects=octo%2Ftool",
              Advisories("octo/tool", "< 1.2.1"));
    server.On("/repos/octo/tool/commits/v1.2.0", json{{"sha", kToolSha}}.dump());
    server.On("/repos/octo/gone", Repository(true));
    server.On("/advisories?ecosystem=actions&affects=octo%2Fgone", "[]");
    server.On("/repos/octo/gone/commits/v2.0.0", json{{"sha", kGoneTagSha}}.dump());
    server.On("/repos/octo/gone/compare/main..." + kGoneSha, Compare("behind"));
    server.On("/repos/octo/fork", Repository(false));
    server.On("/advisories?ecosystem=actions&affects=octo%2Ffork", "[]");
    // v3.0.0 does not exist and main...kForkSha is unknown: the fixture answers 404.
    server.On("/repos/octo/tool/compare/main..." + kStaleSha, Compare("behind"));
    server.On("/repos/octo/tool/tags?per_page=100&page=1",
              json::array({json{{"name", "v1.2.0"}, {"commit", {{"sha", kToolSha}}}}}).dump());
    // refs/heads/v1.2.0 does not exist (404); refs/tags/v1.2.0 does.
    server.On("/repos/octo/tool/git/ref/tags/v1.2.0", Ref("refs/tags/v1.2.0"));
    server.On("/repos/octo/gone/git/ref/heads/v2", Ref("refs/heads/v2"));
    server.On("/repos/octo/gone/git/ref/tags/v2", Ref("refs/tags/v2"));
  }
  std::map<std::string, std::string> Env(const std::string& token) const {
    std::map<std::string, std::string> env = {{"GITHUB_API_URL", server.url()},
                                              {"GITHUB_TOKEN", token},
                                              {"RISKGATE_GITHUB_TOKEN", ""},
                                              {"RISKGATE_NETWORK", ""}};
    NotUnderCi(env);
    return env;
  }
};

std::vector<std::string> RulesAt(const json& report, int line) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) {
    if (f["control"] == "pins" && f["line"] == line) out.push_back(f["rule"]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A first commit, then one adding the workflow; returns the first (the range's base).
std::string CommitWorkflow(TempRepo& repo) {
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("init");
  repo.Write(".github/workflows/ci.yml", kWorkflow);
  repo.Commit("ci");
  return base;
}

}  // namespace

TEST_CASE(
    "issue 22: a range's action pins are checked online: impostor commit, mismatched tag, "
    "stale commit, ref confusion, archived repository, advisory",
    "[e2e][forge][pins]") {
  Forge forge;
  TempRepo repo;
  const std::string base = CommitWorkflow(repo);
  const json report = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1,
                                        forge.Env(FakeGithubToken()));
  CHECK(RulesAt(report, 8) == std::vector<std::string>{"known-vulnerable-actions"});
  CHECK(RulesAt(report, 9) == std::vector<std::string>{"archived-uses", "ref-version-mismatch"});
  CHECK(RulesAt(report, 10) == std::vector<std::string>{"impostor-commit"});
  CHECK(RulesAt(report, 11) ==
        std::vector<std::string>{"pin-missing-version-comment", "stale-action-refs"});
  CHECK(RulesAt(report, 12) ==
        std::vector<std::string>{"known-vulnerable-actions", "unpinned-action"});
  CHECK(RulesAt(report, 13) ==
        std::vector<std::string>{"archived-uses", "ref-confusion", "unpinned-action"});
  CHECK(report["decision"] == "block");
  CHECK_FALSE(report["scope"].contains("notes"));
  for (const auto& f : report["findings"]) {
    if (f["rule"] == "known-vulnerable-actions") {
      CHECK_THAT(f["message"].get<std::string>(), Catch::Contains("GHSA-xxxx-yyyy-zzzz"));
      CHECK_THAT(f["remediation"].dump(), Catch::Contains("1.2.1"));
    }
    if (f["rule"] == "ref-version-mismatch") {
      CHECK_THAT(f["message"].get<std::string>(), Catch::Contains("cccccccccccc"));
    }
  }
  // Every request carried the token, and the lookups stayed on the platform's API.
  REQUIRE_FALSE(forge.server.requests().empty());
  for (const auto& request : forge.server.requests()) {
    CHECK(request.authorization == "Bearer " + FakeGithubToken());
  }
}

TEST_CASE("issue 22: without a token the online checks are skipped with a note, not passed",
          "[e2e][forge][pins]") {
  Forge forge;
  TempRepo repo;
  const std::string base = CommitWorkflow(repo);
  // Blocked by what is judged offline (the actions used by tag), not by the online checks.
  const json report =
      repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1, forge.Env(""));
  for (const auto& f : report["findings"]) CHECK(f["rule"] != "known-vulnerable-actions");
  REQUIRE(report["scope"].contains("notes"));
  CHECK_THAT(report["scope"]["notes"][0].get<std::string>(),
             Catch::Contains("did not run: no GitHub token"));
  CHECK(forge.server.requests().empty());
  const auto text = repo.Riskgate({"check", "--base", base, "--head", "HEAD"}, forge.Env(""));
  CHECK_THAT(text.out, Catch::Contains("note: pins: the online checks of 3 actions"));
  // A staged check makes no call without RISKGATE_NETWORK=1, and says so.
  repo.Write(".github/workflows/more.yml", kWorkflow);
  repo.Git({"add", "-A"});
  const json staged = repo.RiskgateJson({"check", "--staged"}, 1, forge.Env(FakeGithubToken()));
  CHECK_THAT(staged["scope"]["notes"][0].get<std::string>(), Catch::Contains("RISKGATE_NETWORK"));
  CHECK(forge.server.requests().empty());
}

TEST_CASE("issue 22: an action repository the API does not show is a note, not a guess",
          "[e2e][forge][pins]") {
  Forge forge;
  forge.server.On("/repos/octo/fork", {FixtureResponse{404, R"({"message":"Not Found"})", {}, 0}});
  TempRepo repo;
  const std::string base = CommitWorkflow(repo);
  const json report = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1,
                                        forge.Env(FakeGithubToken()));
  CHECK(RulesAt(report, 10).empty());
  REQUIRE(report["scope"].contains("notes"));
  CHECK_THAT(report["scope"]["notes"][0].get<std::string>(),
             Catch::Contains("could not look up octo/fork"));
}

TEST_CASE("issue 22: an API that fails during the online checks ends the run",
          "[e2e][forge][pins]") {
  Forge forge;
  forge.server.On("/repos/octo/tool", {FixtureResponse{403, R"({"message":"nope"})", {}, 0}});
  TempRepo repo;
  const std::string base = CommitWorkflow(repo);
  const auto result =
      repo.Riskgate({"check", "--base", base, "--head", "HEAD"}, forge.Env(FakeGithubToken()));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("looking up the action octo/tool"));
  CHECK_THAT(result.err, Catch::Contains("HTTP 403"));
}

}  // namespace riskgate::testing
