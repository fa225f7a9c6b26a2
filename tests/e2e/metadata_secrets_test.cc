// End to end, issue 16: a token pushed in bytes that are no file's content (a commit message, a
// path name, a symlink's target) blocks like one in a file, and is never printed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::map<std::string, std::string> kCi = {{"CI", "true"}};
const std::map<std::string, std::string> kNoCi = {{"CI", ""}, {"GITHUB_ACTIONS", ""}};

// The findings of rule github-pat-classic at a path that starts with `prefix` (a path that
// holds the token is printed redacted).
int TokenFindingsAt(const nlohmann::json& doc, const std::string& prefix) {
  int n = 0;
  for (const auto& f : doc["findings"]) {
    n += f["rule"] == "github-pat-classic" && f["path"].get<std::string>().rfind(prefix, 0) == 0
             ? 1
             : 0;
  }
  return n;
}

void RequireHidden(TempRepo& repo, const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env, const std::string& token) {
  const ProcessResult run = repo.Riskgate(args, env);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find(token) == std::string::npos);
  CHECK(run.err.find(token) == std::string::npos);
}

}  // namespace

TEST_CASE("A token only in a commit message body blocks a range check and a history audit",
          "[e2e][secrets][metadata]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("base");
  const std::string token = FakeGithubToken();
  repo.Write("app.txt", "v2\n");
  const std::string change = repo.Commit("bump app\n\ndebug: deploy with GH_TOKEN=" + token);

  auto range = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1, kCi);
  CHECK(range["decision"] == "block");
  REQUIRE(TokenFindingsAt(range, "<commit message>") == 1);
  for (const auto& f : range["findings"]) {
    if (f["path"] == "<commit message>") CHECK(f["commit"] == change);
  }
  RequireHidden(repo, {"check", "--base", base, "--head", "HEAD"}, kCi, token);

  auto history = repo.RiskgateJson({"history"}, 1, kNoCi);
  CHECK(history["decision"] == "block");
  CHECK(TokenFindingsAt(history, "<commit message>") == 1);
  RequireHidden(repo, {"history"}, kNoCi, token);
}

TEST_CASE("A token only in a file or folder name blocks staged, range and history",
          "[e2e][secrets][metadata]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("base");
  const std::string token = FakeGithubToken();
  repo.Write("keys/" + token + "/README", "see the folder name\n");
  const std::string path = "keys/";
  repo.Git({"add", "-A"});

  auto staged = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(TokenFindingsAt(staged, path) == 1);
  RequireHidden(repo, {"check", "--staged"}, kNoCi, token);

  repo.Commit("change");
  auto range = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1, kCi);
  CHECK(TokenFindingsAt(range, path) >= 1);
  auto history = repo.RiskgateJson({"history"}, 1, kNoCi);
  CHECK(TokenFindingsAt(history, path) == 1);
  RequireHidden(repo, {"history"}, kNoCi, token);
}

TEST_CASE("A symlink whose target holds a token blocks staged, range and history",
          "[e2e][secrets][metadata]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("base");
  const std::string token = FakeGithubToken();
  std::filesystem::create_symlink("config/" + token, repo.path() + "/deploy-key");
  repo.Git({"add", "-A"});

  auto staged = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(TokenFindingsAt(staged, "deploy-key") == 1);
  RequireHidden(repo, {"check", "--staged"}, kNoCi, token);

  repo.Commit("change");
  auto range = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1, kCi);
  CHECK(TokenFindingsAt(range, "deploy-key") >= 1);
  auto history = repo.RiskgateJson({"history"}, 1, kNoCi);
  CHECK(TokenFindingsAt(history, "deploy-key") == 1);
  RequireHidden(repo, {"history"}, kNoCi, token);
}

}  // namespace riskgate::testing
