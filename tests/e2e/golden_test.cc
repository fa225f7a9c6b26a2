// Issue 9: golden tests of the custom rule kinds. Each folder under tests/golden/ holds a
// policy (policy.yaml, installed as .riskgate.yaml), a repository recipe (recipe.sh, run with
// sh in a fresh repository: the commits to make), the command line (args, one argument per
// line) and the expected result (expected.json: exit code and findings). The driver builds the
// repository, runs the real binary and compares rule, path, line and decision of every finding.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

json Summary(const json& findings) {
  std::vector<json> out;
  for (const auto& f : findings) {
    out.push_back({{"rule", f["rule"]},
                   {"path", f["path"]},
                   {"line", f["line"]},
                   {"decision", f["decision"]}});
  }
  std::sort(out.begin(), out.end(),
            [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return out;
}

}  // namespace

TEST_CASE("every golden case of the custom rules gives its recorded findings and exit code",
          "[e2e][custom][golden]") {
  const fs::path root = fs::path(SourceDir()) / "tests" / "golden";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 6);
  for (const auto& dir : cases) {
    DYNAMIC_SECTION(dir.filename().string()) {
      TempRepo repo;
      repo.Write(".riskgate.yaml", ReadText(dir / "policy.yaml"));
      const auto recipe = Shell("sh -e " + (dir / "recipe.sh").string(), repo.path(),
                                {{"GIT_AUTHOR_NAME", "Test Author"},
                                 {"GIT_AUTHOR_EMAIL", "author@example.com"},
                                 {"GIT_COMMITTER_NAME", "Test Committer"},
                                 {"GIT_COMMITTER_EMAIL", "committer@example.com"},
                                 {"GIT_CONFIG_NOSYSTEM", "1"}});
      INFO("recipe: " << recipe.err);
      REQUIRE(recipe.exit_code == 0);
      const json expected = json::parse(ReadText(dir / "expected.json"));
      auto args = Lines(ReadText(dir / "args"));
      args.push_back("--format");
      args.push_back("json");
      const auto result = repo.Riskgate(args, {{"CI", ""},
                                               {"GITHUB_ACTIONS", ""},
                                               {"GITLAB_CI", ""},
                                               {"PRE_COMMIT", ""},
                                               {"GITHUB_EVENT_NAME", ""},
                                               {"CI_PIPELINE_SOURCE", ""},
                                               {"GITHUB_BASE_REF", ""},
                                               {"GITHUB_REF_NAME", ""},
                                               {"CI_COMMIT_BRANCH", ""},
                                               {"RISKGATE_NOW", "2026-11-27"}});
      INFO("stderr: " << result.err << "\nstdout: " << result.out);
      CHECK(result.exit_code == expected["exit_code"].get<int>());
      REQUIRE(result.exit_code != 2);
      CHECK(Summary(json::parse(result.out)["findings"]).dump(1) ==
            Summary(expected["findings"]).dump(1));
    }
  }
}

}  // namespace riskgate::testing
