// End to end: policy selection, inline suppressions, outputs and redaction.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the report says which policy applied", "[e2e][policy]") {
  TempRepo repo;
  repo.Commit("init");
  auto builtin = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(builtin["policy"]["source"] == "builtin:default");
  repo.Write(".riskgate.yaml", "version: 1\n");
  repo.Commit("policy");
  auto own = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(own["policy"]["source"] == repo.path() + "/.riskgate.yaml");
  auto text = repo.Riskgate({"check", "--staged"});
  CHECK(text.out.find("policy: " + repo.path() + "/.riskgate.yaml") != std::string::npos);
}

TEST_CASE("a policy can re-rate a rule so its finding only warns", "[e2e][policy]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\ncontrols:\n  secrets:\n    severity:\n      aws-access-key-id: low\n");
  repo.Commit("policy");
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(doc["decision"] == "warn");
  CHECK(doc["findings"][0]["severity"] == "low");
}

TEST_CASE("riskgate:allow suppresses, and a policy can forbid it", "[e2e][policy]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("test_fixture.py", "FAKE = \"" + FakeAwsKeyId() + "\"  # riskgate:allow fixture\n");
  repo.Git({"add", "-A"});
  auto allowed = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(allowed["findings"].empty());
  CHECK(allowed["summary"]["suppressed_inline"] == 1);

  repo.Write("strict.yaml", "version: 1\ncontrols:\n  secrets:\n    inline_suppressions: forbid\n");
  auto forbidden = repo.RiskgateJson({"check", "--staged", "--policy", "strict.yaml"}, 1);
  CHECK(forbidden["findings"].size() == 1);
  CHECK(forbidden["summary"]["inline_ignored"] == 1);
}

TEST_CASE("several formats are written in one run, atomically", "[e2e][output]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  auto result = repo.Riskgate({"check", "--staged", "--format", "json", "--output", "out.json",
                               "--format", "text", "--output", "out.txt"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  auto doc = nlohmann::json::parse(ReadAll(repo.path() + "/out.json"));
  CHECK(doc["decision"] == "block");
  CHECK(ReadAll(repo.path() + "/out.txt").find("BLOCK: 1 finding") != std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(repo.path())) {
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

TEST_CASE("no output format ever prints the secret", "[e2e][redaction]") {
  TempRepo repo;
  const std::string aws = FakeAwsKeyId();
  const std::string gh = FakeGithubToken();
  repo.Write("a.txt", "k=" + aws + "\nt=" + gh + "\n");
  repo.Git({"add", "a.txt"});
  for (const char* format : {"text", "json"}) {
    auto result = repo.Riskgate({"check", "--staged", "--format", format, "--color", "always"});
    INFO(format);
    CHECK(result.exit_code == 1);
    CHECK(result.out.find(aws) == std::string::npos);
    CHECK(result.out.find(gh) == std::string::npos);
    CHECK(result.err.find(aws) == std::string::npos);
    CHECK(result.out.find(aws.substr(0, 8)) == std::string::npos);
  }
}

TEST_CASE("colour appears only when asked for or on a terminal", "[e2e][output]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  CHECK(repo.Riskgate({"check", "--staged"}).out.find('\x1b') == std::string::npos);
  CHECK(repo.Riskgate({"check", "--staged", "--color", "always"}).out.find('\x1b') !=
        std::string::npos);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("each --output belongs to the --format written before it", "[e2e][output]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  auto result = repo.Riskgate(
      {"check", "--staged", "--format", "text", "--format", "json", "--output", "report.json"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("BLOCK a.txt:1") != std::string::npos);
  std::ifstream in(repo.path() + "/report.json");
  auto doc = nlohmann::json::parse(in);
  CHECK(doc["decision"] == "block");
  auto misplaced = repo.Riskgate({"check", "--staged", "--output", "x.json", "--format", "json"});
  CHECK(misplaced.exit_code == 2);
  CHECK(misplaced.err.find("comes before any --format") != std::string::npos);
}

}  // namespace riskgate::testing
