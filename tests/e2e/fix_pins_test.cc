// Issue 7, end to end: `riskgate fix pins` resolves tags and branches through a GitHub API on
// 127.0.0.1 and rewrites only the `uses:` lines it pins; every other byte stays. A ref the API
// cannot resolve changes no file and exits 2.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

const std::string kWorkflow =
    "# CI workflow: keep this comment\r\n"
    "name: ci\r\n"
    "on: [push]\r\n"
    "permissions: {}\r\n"
    "jobs:\r\n"
    "  build:\r\n"
    "    runs-on: ubuntu-latest\r\n"
    "    steps:\r\n"
    "      - uses: actions/checkout@v4\r\n"
    "      - uses: \"docker/build-push-action@v5\"   # build the image\r\n"
    "      - uses: actions/setup-node@1e60f620b9541d16bece96c5ae7e4f5a8d4a5a36 # v4.0.3\r\n"
    "      - uses: octo/tool/sub@main\r\n"
    "      - run: echo done   \r\n";

std::string Sha(char c) { return std::string(40, c); }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Fixture {
  TempRepo repo;
  FixtureServer server;
  Fixture() {
    repo.Write(".github/workflows/ci.yml", kWorkflow);
    repo.Commit("ci");
    server.On("/repos/actions/checkout/commits/v4", json{{"sha", Sha('1')}}.dump());
    server.On("/repos/docker/build-push-action/commits/v5", json{{"sha", Sha('2')}}.dump());
    server.On("/repos/octo/tool/commits/main", json{{"sha", Sha('3')}}.dump());
  }
  // A worktree check calls the API only when the user's environment allows the network.
  std::map<std::string, std::string> Env(bool with_token) const {
    return {{"GITHUB_API_URL", server.url()},
            {"RISKGATE_NETWORK", "1"},
            {"GITHUB_TOKEN", with_token ? FakeGithubToken() : ""},
            {"RISKGATE_GITHUB_TOKEN", ""},
            {"GITHUB_ACTIONS", ""},
            {"GITLAB_CI", ""}};
  }
  ProcessResult Fix(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"fix", "pins"};
    args.insert(args.end(), extra.begin(), extra.end());
    return repo.Riskgate(args, {{"GITHUB_API_URL", server.url()},
                                {"GITHUB_TOKEN", FakeGithubToken()},
                                {"RISKGATE_GITHUB_TOKEN", ""},
                                {"GITHUB_ACTIONS", ""},
                                {"GITLAB_CI", ""}});
  }
};

}  // namespace

TEST_CASE("fix pins rewrites each mutable uses: line and no other byte", "[e2e][pins][fix]") {
  Fixture f;
  const auto result = f.Fix();
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  std::string expected = kWorkflow;
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = expected.find(from);
    REQUIRE(at != std::string::npos);
    expected.replace(at, from.size(), to);
  };
  replace("actions/checkout@v4\r\n", "actions/checkout@" + Sha('1') + " # v4\r\n");
  // A line with a comment gets the tag too, and keeps its comment after it.
  replace("docker/build-push-action@v5\"", "docker/build-push-action@" + Sha('2') + "\" # v5");
  replace("octo/tool/sub@main\r\n", "octo/tool/sub@" + Sha('3') + " # main\r\n");
  CHECK(Slurp(f.repo.path() + "/.github/workflows/ci.yml") == expected);
  CHECK_THAT(result.out, Catch::Contains(".github/workflows/ci.yml:9: actions/checkout@v4 -> "
                                         "actions/checkout@" +
                                         Sha('1') + " # v4"));
  CHECK_THAT(result.out, Catch::Contains("pinned 3 action reference(s) in 1 file(s)"));
  // The control now finds nothing unpinned.
  const auto doc = f.repo.RiskgateJson({"check", "--worktree"}, 0, {{"GITHUB_ACTIONS", ""}});
  for (const auto& finding : doc["findings"]) {
    CHECK(finding["rule"].get<std::string>().rfind("unpinned-action", 0) != 0);
  }
}

TEST_CASE("fix pins keeps the rewritten file's mode bits", "[e2e][pins][fix]") {
  Fixture f;
  const std::string path = f.repo.path() + "/.github/workflows/ci.yml";
  for (const auto mode : {std::filesystem::perms(0640), std::filesystem::perms(0755)}) {
    std::filesystem::permissions(path, mode);
    std::ofstream(path, std::ios::binary) << kWorkflow;
    const auto result = f.Fix();
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(Slurp(path) != kWorkflow);
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) == mode);
  }
}

TEST_CASE("fix pins --dry-run prints the pins and changes nothing", "[e2e][pins][fix]") {
  Fixture f;
  const auto result = f.Fix({"--dry-run"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("would pin 3 action reference(s)"));
  CHECK(Slurp(f.repo.path() + "/.github/workflows/ci.yml") == kWorkflow);
}

TEST_CASE("a ref the API cannot resolve changes no file and exits 2", "[e2e][pins][fix]") {
  Fixture f;
  f.server.On("/repos/octo/tool/commits/main",
              {FixtureResponse{404, R"({"message":"No commit found for SHA: main"})", {}, 0}});
  const auto result = f.Fix();
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("resolving octo/tool@main"));
  CHECK_THAT(result.err, Catch::Contains("no file was changed"));
  CHECK(Slurp(f.repo.path() + "/.github/workflows/ci.yml") == kWorkflow);
}

TEST_CASE("with a GitHub token the pins remedy is the exact line to write", "[e2e][pins][fix]") {
  Fixture f;
  auto fix_of = [](const json& doc, const std::string& action) {
    for (const auto& finding : doc["findings"]) {
      if (finding["message"].get<std::string>().find(action) == std::string::npos) continue;
      for (const auto& r : finding["remediation"]) {
        if (r["kind"] == "fix") return r["summary"].get<std::string>();
      }
    }
    return std::string();
  };
  const auto with_token = f.repo.RiskgateJson({"check", "--worktree"}, 1, f.Env(true));
  CHECK_THAT(fix_of(with_token, "octo/tool/sub@main"),
             Catch::StartsWith("uses: octo/tool/sub@" + Sha('3') + " # main"));
  const auto without = f.repo.RiskgateJson({"check", "--worktree"}, 1, f.Env(false));
  CHECK_THAT(fix_of(without, "octo/tool/sub@main"),
             Catch::StartsWith("uses: octo/tool/sub@<40-hex commit sha> # main"));
  // A failed lookup keeps the generic remedy, says why, and decides as before.
  f.server.On("/repos/octo/tool/commits/main", {FixtureResponse{500, "{}", {}, 0}});
  const auto failed = f.repo.RiskgateJson({"check", "--worktree"}, 1, f.Env(true));
  CHECK_THAT(fix_of(failed, "octo/tool/sub@main"),
             Catch::Contains("the SHA could not be looked up"));
}

}  // namespace riskgate::testing
