// End to end, issue 6: `waive`, `waivers` and `baseline` on real repositories.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::map<std::string, std::string> kNow = {{"RISKGATE_NOW", "2026-11-27"}};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Repo {
  TempRepo repo;
  std::string fingerprint;

  Repo() {
    repo.Write(".riskgate.yaml",
               "version: 1\nwaivers:\n  approvers: {critical: [carol]}\n"
               "  max_days: {critical: 30}\n");
    repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
    repo.Commit("fixture");
    fingerprint = repo.RiskgateJson({"check", "--worktree"}, 1)["findings"][0]["fingerprint"];
  }
};

}  // namespace

TEST_CASE("waive refuses a lifetime or an approver the policy does not allow",
          "[e2e][waivers][commands]") {
  Repo r;
  auto too_long = r.repo.Riskgate({"waive", r.fingerprint, "--owner", "alice", "--approver",
                                   "carol", "--reason", "fixture", "--expires", "2027-01-31"},
                                  kNow);
  CHECK(too_long.exit_code == 2);
  CHECK(too_long.err.find("at most 30 days (waivers.max_days.critical): expire it on "
                          "2026-12-27 or earlier") != std::string::npos);
  auto no_authority = r.repo.Riskgate({"waive", r.fingerprint, "--owner", "alice", "--approver",
                                       "dave", "--reason", "fixture", "--expires", "2026-12-20"},
                                      kNow);
  CHECK(no_authority.exit_code == 2);
  CHECK(no_authority.err.find("dave may not accept critical risks") != std::string::npos);
  auto unknown = r.repo.Riskgate({"waive", "0000", "--owner", "a", "--approver", "carol",
                                  "--reason", "x", "--expires", "2026-12-20"},
                                 kNow);
  CHECK(unknown.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(r.repo.path() + "/.riskgate/waivers.yaml"));
}

TEST_CASE("waive appends a well-formed entry and keeps the file's comments",
          "[e2e][waivers][commands]") {
  Repo r;
  r.repo.Write(".riskgate/waivers.yaml",
               "# Risk register: reviewed monthly by the security team.\nversion: 1\n"
               "waivers:\n    # older entries\n    - id: old\n      rule: other-rule\n"
               "      reason: kept\n      owner: bob\n      approver: carol\n"
               "      created: 2026-11-01\n      expires: 2026-11-20\n");
  auto added = r.repo.Riskgate(
      {"waive", r.fingerprint, "--owner", "alice", "--approver", "carol", "--reason",
       "test fixture: \"revoked\"", "--expires", "2026-12-20", "--ticket", "SEC-42"},
      kNow);
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out.find("added waiver github-pat-classic-" + r.fingerprint.substr(0, 8)) !=
        std::string::npos);
  const std::string text = ReadAll(r.repo.path() + "/.riskgate/waivers.yaml");
  CHECK(text.starts_with("# Risk register: reviewed monthly by the security team.\n"));
  CHECK(text.find("    # older entries\n    - id: old\n") != std::string::npos);
  CHECK(text.find("    - id: \"github-pat-classic-") != std::string::npos);
  CHECK(text.find("      created: 2026-11-27\n      expires: 2026-12-20\n") != std::string::npos);
  CHECK(text.find("reason: \"test fixture: \\\"revoked\\\"\"") != std::string::npos);
  auto doc = r.repo.RiskgateJson({"check", "--worktree"}, 0, kNow);
  CHECK(doc["summary"]["waived"] == 1);
  auto again = r.repo.Riskgate({"waive", r.fingerprint, "--owner", "alice", "--approver", "carol",
                                "--reason", "x", "--expires", "2026-12-20"},
                               kNow);
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("exists already") != std::string::npos);
}

TEST_CASE("waivers lists the register in text, JSON and Markdown", "[e2e][waivers][commands]") {
  Repo r;
  REQUIRE(r.repo
              .Riskgate({"waive", r.fingerprint, "--owner", "alice", "--approver", "carol",
                         "--reason", "fixture", "--expires", "2026-12-20", "--id", "W-1"},
                        {{"RISKGATE_NOW", "2026-11-20"}})
              .exit_code == 0);
  r.repo.Write(".riskgate/waivers.yaml",
               ReadAll(r.repo.path() + "/.riskgate/waivers.yaml") +
                   "  - id: W-gone\n    rule: nothing-matches\n    reason: r\n    owner: bob\n"
                   "    approver: carol\n    created: 2026-11-01\n    expires: 2026-11-25\n");
  auto json = r.repo.Riskgate({"waivers", "--format", "json"}, kNow);
  REQUIRE(json.exit_code == 0);
  auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["today"] == "2026-11-27");
  REQUIRE(doc["waivers"].size() == 2);
  const auto& w1 = doc["waivers"][0];
  CHECK(w1["id"] == "W-1");
  CHECK(w1["status"] == "active");
  CHECK(w1["severity"] == "critical");
  CHECK(w1["age_days"] == 7);
  CHECK(w1["days_left"] == 23);
  CHECK(w1["findings"] == 1);
  const auto& gone = doc["waivers"][1];
  CHECK(gone["status"] == "orphaned");
  CHECK(gone["days_left"] == -2);
  CHECK(gone["severity"].is_null());
  auto text = r.repo.Riskgate({"waivers"}, kNow);
  CHECK(text.out.find("W-1  [active]  critical") != std::string::npos);
  CHECK(text.out.find("expires 2026-11-25 (2 days ago)") != std::string::npos);
  auto markdown = r.repo.Riskgate({"waivers", "--format", "markdown"}, kNow);
  CHECK(markdown.out.find("| `W-1` | active | critical | alice | carol | 7 | 2026-12-20 | 23 |") !=
        std::string::npos);
  CHECK(r.repo.Riskgate({"waivers", "--format", "xml"}, kNow).exit_code == 2);
}

TEST_CASE("a baseline survives line moves and still blocks a new secret",
          "[e2e][baseline][commands]") {
  TempRepo repo;
  const std::string token = FakeGithubToken();
  repo.Write("config.env", "A=1\nTOKEN=" + token + "\n");
  repo.Commit("old secret");
  auto recorded = repo.Riskgate({"baseline"});
  REQUIRE(recorded.exit_code == 0);
  CHECK(recorded.out.find("recorded 1 finding(s)") != std::string::npos);
  const std::string baseline = ReadAll(repo.path() + "/.riskgate/baseline.json");
  CHECK(baseline.find("\"rule\":\"github-pat-classic\"") != std::string::npos);
  repo.Commit("adopt riskgate with a baseline");
  // Lines inserted above the baselined secret: still baselined.
  repo.Write("config.env", "# settings\nX=2\nY=3\nA=1\nTOKEN=" + token + "\n");
  repo.Commit("more settings");
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 0);
  REQUIRE(audit["findings"].size() == 1);
  CHECK(audit["findings"][0]["baselined"] == true);
  CHECK(audit["summary"]["baselined"] == 1);
  // Re-recording gives the same file: no churn.
  REQUIRE(repo.Riskgate({"baseline"}).exit_code == 0);
  CHECK(ReadAll(repo.path() + "/.riskgate/baseline.json") == baseline);
  // A new secret in the same file blocks.
  const std::string base = repo.Head();
  repo.Write("config.env",
             "# settings\nX=2\nY=3\nA=1\nTOKEN=" + token + "\nNEW=" + FakeAwsKeyId() + "\n");
  repo.Commit("a new key");
  auto range = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(range["findings"].size() == 1);
  CHECK(range["findings"][0]["rule"] == "aws-access-key-id");
  CHECK(range["findings"][0]["baselined"] == false);
}

}  // namespace riskgate::testing
