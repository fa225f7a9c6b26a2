// End to end, issue 5: resource limits. A run past its time budget fails closed and says what
// it covered; finding caps shorten the list but never the decision.
#include <catch2/catch.hpp>

#include "support/temp_repo.h"

namespace riskgate::testing {

TEST_CASE("a run past --timeout fails closed and says what it had covered", "[e2e][limits]") {
  TempRepo repo;
  for (int i = 0; i < 3000; ++i) {
    repo.Write("data/f" + std::to_string(i) + ".txt", "value " + std::to_string(i) + "\n");
  }
  repo.Commit("many files");
  auto result = repo.Riskgate({"check", "--worktree", "--timeout", "0.005"});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("exceeded --timeout 0.005 s while ") != std::string::npos);
  CHECK(result.err.find("files collected") != std::string::npos);
  CHECK(result.err.find("nothing passes") != std::string::npos);
  auto in_time = repo.Riskgate({"check", "--worktree", "--timeout", "600"});
  CHECK(in_time.exit_code == 0);
  CHECK(repo.Riskgate({"check", "--worktree", "--timeout", "0"}).exit_code == 2);
  CHECK(repo.Riskgate({"check", "--worktree", "--timeout", "soon"}).exit_code == 2);
}

TEST_CASE("finding caps list the worst findings and report the rest", "[e2e][limits]") {
  TempRepo repo;
  repo.Commit("init");
  std::string lines;
  const std::string token = FakeGithubToken();
  for (int i = 0; i < 150; ++i) {
    const std::string suffix = std::to_string(1000 + i);
    lines += "t" + std::to_string(i) + "=" + token.substr(0, token.size() - 4) + suffix + "\n";
  }
  repo.Write("tokens.env", lines);
  repo.Write(".riskgate.yaml", "version: 1\nlimits: {max_findings_per_file: 100}\n");
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
  CHECK(doc["findings"].size() == 100);
  CHECK(doc["summary"]["total"] == 150);
  CHECK(doc["summary"]["block"] == 150);
  CHECK(doc["summary"]["omitted"] == 50);
  CHECK(doc["summary"]["capped_paths"] == nlohmann::json::array({"tokens.env"}));
  auto text = repo.Riskgate({"check", "--staged"});
  CHECK(text.out.find("50 more finding(s) not listed (limits.max_findings_per_file reached in "
                      "tokens.env)") != std::string::npos);
}

TEST_CASE("a --max-file-size below one byte is an error, not a run that skips every file",
          "[e2e][limits]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("token.env", "GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  for (const std::string size : {"0", "-5", "-1", "none"}) {
    INFO(size);
    auto check = repo.Riskgate({"check", "--staged", "--max-file-size=" + size});
    CHECK(check.exit_code == 2);
    CHECK(check.err.find("riskgate: error: --max-file-size") != std::string::npos);
    auto history = repo.Riskgate({"history", "--max-file-size=" + size});
    CHECK(history.exit_code == 2);
    CHECK(history.err.find("riskgate: error: --max-file-size") != std::string::npos);
  }
  CHECK(repo.Riskgate({"check", "--staged", "--max-file-size", "1000"}).exit_code == 1);
}

}  // namespace riskgate::testing
