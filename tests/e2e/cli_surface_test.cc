// End to end, issue 19: the command line helps a new user on the first try (suggestions,
// readable errors, the program's own name, --output's extension), and a scope that judges
// nothing says so instead of passing silently.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A repository with a committed secret, nothing staged and no upstream.
struct CommittedSecret {
  TempRepo repo;
  CommittedSecret() {
    repo.Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
    repo.Commit("deploy");
  }
};

}  // namespace

TEST_CASE("issue 19: an unknown command or flag gets the closest one as a suggestion",
          "[e2e][cli]") {
  TempRepo repo;
  auto command = repo.Riskgate({"chek"});
  CHECK(command.exit_code == 2);
  CHECK(command.err.find("unknown command 'chek': did you mean `riskgate check`?") !=
        std::string::npos);
  auto nested = repo.Riskgate({"policy", "valdate"});
  CHECK(nested.exit_code == 2);
  CHECK(nested.err.find("did you mean `riskgate policy validate`?") != std::string::npos);
  auto flag = repo.Riskgate({"check", "--stagd"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err.find("unknown option --stagd: did you mean --staged?") != std::string::npos);
}

TEST_CASE("issue 19: a bad --color value is explained in words", "[e2e][cli]") {
  TempRepo repo;
  auto result = repo.Riskgate({"check", "--color=yes"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--color: must be auto, always or never, not 'yes'") != std::string::npos);
  CHECK(result.err.find("->") == std::string::npos);
}

TEST_CASE("issue 19: usage names the program riskgate, not the path it was started by",
          "[e2e][cli]") {
  TempRepo repo;
  auto result = repo.Riskgate({"check", "--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Usage: riskgate check [OPTIONS]") != std::string::npos);
  CHECK(result.out.find(RiskgateBinary()) == std::string::npos);
}

TEST_CASE("issue 19: --output without --format takes the format from the extension", "[e2e][cli]") {
  CommittedSecret fx;
  CHECK(fx.repo.Riskgate({"check", "--worktree", "--output", "r.json"}).exit_code == 1);
  CHECK(nlohmann::json::parse(ReadAll(fx.repo.path() + "/r.json"))["decision"] == "block");
  CHECK(fx.repo.Riskgate({"check", "--worktree", "--output", "r.sarif"}).exit_code == 1);
  CHECK(nlohmann::json::parse(ReadAll(fx.repo.path() + "/r.sarif"))["version"] == "2.1.0");
  auto unknown = fx.repo.Riskgate({"check", "--worktree", "--output", "r.out"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("--output r.out: its extension names no format") != std::string::npos);
}

TEST_CASE("issue 19: counts and provider names read as English", "[e2e][cli]") {
  CommittedSecret fx;
  const std::string base = fx.repo.Head();
  fx.repo.Write("README.md", "x\n");
  fx.repo.Commit("readme");
  auto range = fx.repo.Riskgate({"check", "--base", base});
  CHECK(range.out.find("(1 commit)") != std::string::npos);
  auto secret = fx.repo.Riskgate({"check", "--worktree"});
  CHECK(secret.out.find("Revoke and rotate the credential (GitHub)") != std::string::npos);
  CHECK(secret.out.find("credential at ") == std::string::npos);
}

TEST_CASE("issue 19: a check that judges nothing says so first and names --worktree",
          "[e2e][cli][scope]") {
  CommittedSecret fx;
  const std::map<std::string, std::string> local = {
      {"CI", ""}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}, {"PRE_COMMIT", ""}};
  auto text = fx.repo.Riskgate({"check"}, local);
  INFO(text.out << text.err);
  CHECK(text.out.starts_with("riskgate "));
  const std::string first = text.out.substr(0, text.out.find('\n'));
  CHECK(first.find("nothing to judge: nothing is staged") != std::string::npos);
  CHECK(first.find("riskgate check --worktree") != std::string::npos);
  auto json = fx.repo.RiskgateJson({"check"}, 0, local);
  CHECK(json["scope"]["empty"] == true);
  // --all-files (pre-commit's name) judges the tracked tree and finds the committed secret.
  auto all = fx.repo.RiskgateJson({"check", "--all-files"}, 1, local);
  CHECK(all["scope"]["mode"] == "worktree");
  CHECK(all["scope"]["empty"] == false);
  // A staged change is something judged.
  fx.repo.Write("app.py", "print(1)\n");
  fx.repo.Git({"add", "app.py"});
  CHECK(fx.repo.RiskgateJson({"check"}, 0, local)["scope"]["empty"] == false);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("issue 19: with nothing staged and no upstream a check judges the branch's own commits",
          "[e2e][cli][scope]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  const std::map<std::string, std::string> local = {
      {"CI", ""}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}, {"PRE_COMMIT", ""}};
  // A branch off main that committed a secret and was never pushed: no upstream to compare
  // with, nothing staged; what the developer means is the branch's commits since main.
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("deploy");
  repo.Write("notes.txt", "more\n");
  repo.Commit("notes");
  auto json = repo.RiskgateJson({"check"}, 1, local);
  CHECK(json["scope"]["mode"] == "range");
  CHECK(json["scope"]["empty"] == false);
  CHECK(json["scope"]["commits"] == 2);
  CHECK(json["decision"] == "block");
  // Back on main nothing is new: nothing to judge, said so.
  repo.Git({"checkout", "-q", "main"});
  CHECK(repo.RiskgateJson({"check"}, 0, local)["scope"]["empty"] == true);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("issue 20: --version names the commit and the libraries the binary was built with",
          "[e2e][cli]") {
  const auto out = Run({RiskgateBinary(), "--version"});
  INFO(out.out << out.err);
  CHECK(out.exit_code == 0);
  const std::string& text = out.out;
  // The source tree under test is a git checkout: its commit, not "unknown".
  CHECK(text.starts_with("riskgate "));
  const auto commit = text.find("(commit ");
  REQUIRE(commit != std::string::npos);
  const std::string id = text.substr(commit + 8, 12);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  for (const char* library : {"libgit2 1.5", "RE2 ", "yaml-cpp 0.7", "keyword prefilter "}) {
    CHECK(text.find(library) != std::string::npos);
  }
}

}  // namespace riskgate::testing
