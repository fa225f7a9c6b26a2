// End to end, issue 19: remedies read as written in every format (line breaks, not \x0a), and
// the accept remedy is a `riskgate waive` command that works as printed, or says that nobody
// may accept the finding's severity.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::map<std::string, std::string> kNow = {{"RISKGATE_NOW", "2026-11-27"}};

}  // namespace

TEST_CASE("issue 19: a remedy's line breaks are line breaks in text, Markdown and SARIF",
          "[e2e][remedies]") {
  TempRepo repo;
  // No top-level permissions: the remedy shows a two-line `permissions:` block.
  repo.Write(".github/workflows/ci.yml",
             "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
             "      - run: make\n");
  repo.Git({"add", "-A"});
  auto result = repo.Riskgate(
      {"check", "--staged", "--format", "text", "--format", "markdown", "--output", "s.md",
       "--format", "sarif", "--output", "s.sarif", "--format", "json", "--output", "s.json"},
      kNow);
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);  // excessive-permissions warns
  const std::string markdown = ReadAll(repo.path() + "/s.md");
  const std::string sarif_text = ReadAll(repo.path() + "/s.sarif");
  for (const std::string& text : {result.out, markdown, sarif_text}) {
    CHECK(text.find("\\x0a") == std::string::npos);
  }
  CHECK(result.out.find("permissions:\n        contents: read") != std::string::npos);
  CHECK(markdown.find("\\`permissions:\\\n&nbsp;&nbsp;contents: read\\`") != std::string::npos);
  const auto sarif = nlohmann::json::parse(sarif_text);
  const std::string help = sarif["runs"][0]["tool"]["driver"]["rules"][0]["help"]["markdown"];
  CHECK(help.find("permissions:\\\n&nbsp;&nbsp;contents: read") != std::string::npos);
  const auto json = nlohmann::json::parse(ReadAll(repo.path() + "/s.json"));
  const std::string fix = json["findings"][0]["remediation"][0]["summary"];
  CHECK(fix.find("permissions:\n  contents: read") != std::string::npos);
}

TEST_CASE("issue 19: the accept remedy is a riskgate waive command that works as printed",
          "[e2e][remedies][waivers]") {
  TempRepo repo;
  repo.Write(
      ".riskgate.yaml",
      "version: 1\nwaivers:\n  max_days: {critical: 20}\n  approvers: {critical: [carol]}\n");
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("token");
  auto doc = repo.RiskgateJson({"check", "--worktree"}, 1, kNow);
  const auto& finding = doc["findings"][0];
  const std::string fingerprint = finding["fingerprint"];
  const auto& accept = finding["remediation"].back();
  REQUIRE(accept["kind"] == "accept");
  const std::string detail = accept["detail"];
  const std::string command = "riskgate waive " + fingerprint +
                              " --owner OWNER --approver APPROVER --reason 'WHY' --expires "
                              "2026-12-17\n";
  CHECK(detail.find(command) == 0);
  CHECK(detail.find("APPROVER: one of carol (waivers.approvers.critical)") != std::string::npos);
  CHECK(detail.find("at most 20 days from today (waivers.max_days.critical)") != std::string::npos);
  // Filled in as the remedy says, the command is accepted and the finding passes.
  auto waive = repo.Riskgate({"waive", fingerprint, "--owner", "alice", "--approver", "carol",
                              "--reason", "revoked fixture", "--expires", "2026-12-17"},
                             kNow);
  INFO(waive.out << waive.err);
  CHECK(waive.exit_code == 0);
  CHECK(repo.RiskgateJson({"check", "--worktree"}, 0, kNow)["decision"] == "pass");
}

TEST_CASE("issue 19: the accept remedy says so when the policy lets nobody accept the severity",
          "[e2e][remedies][waivers]") {
  TempRepo repo;  // the built-in policy names no approver for critical risks
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  auto result = repo.Riskgate({"check", "--staged"}, kNow);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("accept: Nobody may accept a critical risk under this policy "
                        "(waivers.approvers.critical is empty): fix or mitigate it") !=
        std::string::npos);
  CHECK(result.out.find("waivers.yaml") == std::string::npos);
}

}  // namespace riskgate::testing
