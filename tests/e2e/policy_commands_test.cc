// Issue 9, end to end: `policy validate`, `policy show`, `explain RULE_ID`, a composed policy
// (central baseline + repository overlay) deciding a real change, and a waiver of a custom
// finding.
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kBaseline = R"(version: 1
extends: builtin:default
decisions: {medium: block}
controls:
  custom:
    rules:
      - id: no-pem
        kind: forbid_path
        description: Private keys stay out of git
        why: A key in git is a key every clone holds
        severity: critical
        paths: ['**/*.pem']
        fix: Move the key to the secret store
        mitigate: Rotate the key now
)";

const std::string kOverlay = R"(version: 1
extends: [central/baseline.yaml]
controls:
  custom:
    rules:
      - id: changelog
        kind: require_change
        description: Migrations are announced
        severity: medium
        paths: ['migrations/**']
        require: [CHANGELOG.md]
)";

struct Composed {
  TempRepo repo;
  Composed() {
    repo.Write("central/baseline.yaml", kBaseline);
    repo.Write(".riskgate.yaml", kOverlay);
    repo.Commit("policy");
  }
};

}  // namespace

TEST_CASE("policy validate accepts a composed policy and says what it loaded", "[e2e][policy]") {
  Composed c;
  const auto result = c.repo.Riskgate({"policy", "validate"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("policy OK"));
  CHECK_THAT(result.out, Catch::Contains("extends builtin:default"));
  CHECK_THAT(result.out, Catch::Contains("2 custom rules"));
}

TEST_CASE("policy validate reports every problem of a file with exit code 2", "[e2e][policy]") {
  TempRepo repo;
  repo.Write("bad.yaml", R"(version: 1
controls:
  custom:
    rules:
      - {id: a, kind: forbid_content, description: d, severity: high, pattern: '(x'}
      - {id: b, kind: nope, description: d, severity: high}
)");
  const auto result = repo.Riskgate({"policy", "validate", "bad.yaml"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("2 problems"));
  CHECK_THAT(result.err, Catch::Contains("bad.yaml:5:"));
  CHECK_THAT(result.err, Catch::Contains("rules[a].pattern"));
  CHECK_THAT(result.err, Catch::Contains("bad.yaml:6:"));
  CHECK_THAT(result.err, Catch::Contains("unknown rule kind 'nope'"));
}

TEST_CASE("policy show prints the composed policy with the file and line of each setting",
          "[e2e][policy]") {
  Composed c;
  const auto result = c.repo.Riskgate({"policy", "show"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("medium: block  # "));
  CHECK_THAT(result.out, Catch::Contains("central/baseline.yaml:3"));
  CHECK_THAT(result.out, Catch::Contains("high: block  # builtin:default:"));
  CHECK_THAT(result.out, Catch::Contains("id: changelog  # "));
  CHECK_THAT(result.out, Catch::Contains("no-pem (forbid_path, critical -> block)"));
  const auto json_result = c.repo.Riskgate({"policy", "show", "--format", "json"});
  REQUIRE(json_result.exit_code == 0);
  const auto doc = nlohmann::json::parse(json_result.out);
  CHECK(doc["policy"]["decisions"]["medium"] == "block");
  CHECK(doc["policy"]["controls"]["custom"]["rules"].size() == 2);
  CHECK(doc["files"].size() == 3);
}

TEST_CASE("explain prints a rule's purpose, match, decision and remedies", "[e2e][policy]") {
  Composed c;
  const auto text = c.repo.Riskgate({"explain", "no-pem"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("no-pem (custom, forbid_path)"));
  CHECK_THAT(text.out, Catch::Contains("why: A key in git is a key every clone holds"));
  CHECK_THAT(text.out, Catch::Contains("files matching **/*.pem"));
  CHECK_THAT(text.out, Catch::Contains("severity: critical, which this policy decides as block"));
  CHECK_THAT(text.out, Catch::Contains("fix: Move the key to the secret store"));
  CHECK_THAT(text.out, Catch::Contains("mitigate: Rotate the key now"));
  CHECK_THAT(text.out, Catch::Contains("central/baseline.yaml:7"));
  const auto json_result = c.repo.Riskgate({"explain", "changelog", "--format", "json"});
  REQUIRE(json_result.exit_code == 0);
  const auto doc = nlohmann::json::parse(json_result.out);
  CHECK(doc["decision"] == "block");  // medium, raised to block by the baseline
  CHECK(doc["remedies"]["fix"] == "Change the required files in the same change");
  const auto unknown = c.repo.Riskgate({"explain", "no-such-rule"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("no rule 'no-such-rule'"));
}

TEST_CASE("a composed policy judges a change, and a waiver accepts a custom finding",
          "[e2e][policy][custom]") {
  Composed c;
  const std::string base = c.repo.Head();
  c.repo.Write("migrations/001.sql", "create table t();\n");
  c.repo.Commit("migration");
  auto doc = c.repo.RiskgateJson({"check", "--base", base}, 1, {{"RISKGATE_NOW", "2026-11-27"}});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["rule"] == "changelog");
  CHECK(doc["findings"][0]["decision"] == "block");
  const std::string fingerprint = doc["findings"][0]["fingerprint"];
  // The waiver must be in the base: a change cannot waive its own findings.
  c.repo.Git({"reset", "-q", "--hard", base});
  c.repo.Write(".riskgate/waivers.yaml", R"(waivers:
  - id: changelog-later
    control: custom
    rule: changelog
    fingerprint: )" + fingerprint + R"(
    reason: the changelog is written at release time this sprint
    owner: dba@example.com
    approver: lead@example.com
    created: 2026-11-20
    expires: 2026-12-20
)");
  const std::string waived_base = c.repo.Commit("waiver");
  c.repo.Write("migrations/001.sql", "create table t();\n");
  c.repo.Commit("migration again");
  doc = c.repo.RiskgateJson({"check", "--base", waived_base}, 0, {{"RISKGATE_NOW", "2026-11-27"}});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["rule"] == "changelog");
  CHECK(doc["findings"][0]["decision"] == "pass");
  CHECK(doc["findings"][0]["waiver"]["id"] == "changelog-later");
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("the example organisation policy loads and uses every custom rule kind",
          "[e2e][policy][examples]") {
  const std::string policy = SourceDir() + "/examples/organisation/payments-service/.riskgate.yaml";
  const auto result =
      Run({RiskgateBinary(), "policy", "show", "--format", "json", "--policy", policy}, SourceDir(),
          {});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  std::set<std::string> kinds;
  for (const auto& rule : doc["policy"]["controls"]["custom"]["rules"]) kinds.insert(rule["kind"]);
  CHECK(kinds == std::set<std::string>{"forbid_content", "require_change", "restrict_change",
                                       "commit_message", "require_path"});
  const auto validate = Run({RiskgateBinary(), "policy", "validate", policy}, SourceDir(), {});
  CHECK(validate.exit_code == 0);
  CHECK_THAT(validate.out, Catch::Contains("9 custom rules"));  // with the pack's forbid_path ones
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("a change that weakens an extended policy is judged by the base version and flagged",
          "[e2e][policy][extends]") {
  Composed c;
  const std::string base = c.repo.Head();
  std::string weakened = kBaseline;
  weakened.replace(weakened.find("severity: critical"), 18, "severity: info");
  c.repo.Write("central/baseline.yaml", weakened);
  c.repo.Write("keys/server.pem", "not really a key\n");
  c.repo.Commit("relax the baseline");
  const auto doc =
      c.repo.RiskgateJson({"check", "--base", base}, 1, {{"RISKGATE_NOW", "2026-11-27"}});
  std::set<std::string> rules;
  for (const auto& f : doc["findings"]) {
    rules.insert(f["rule"].get<std::string>());
    if (f["rule"] == "no-pem") CHECK(f["decision"] == "block");
    if (f["rule"] == "policy-file-changed") CHECK(f["path"] == "central/baseline.yaml");
  }
  CHECK(rules.count("no-pem") == 1);
  CHECK(rules.count("policy-file-changed") == 1);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("explain knows the built-in controls' rules too", "[e2e][policy]") {
  TempRepo repo;
  repo.Write("README.md", "x\n");
  repo.Commit("init");
  const auto secret = repo.Riskgate({"explain", "aws-access-key-id"});
  REQUIRE(secret.exit_code == 0);
  CHECK_THAT(secret.out, Catch::Contains("(secrets)"));
  CHECK_THAT(secret.out, Catch::Contains("matches: text matching /"));
  const auto pins = repo.Riskgate({"explain", "unpinned-action"});
  CHECK(pins.exit_code == 0);
  CHECK_THAT(pins.out, Catch::Contains("(pins)"));
  const auto model = repo.Riskgate({"explain", "threat-model-stale", "--format", "json"});
  REQUIRE(model.exit_code == 0);
  const auto doc = nlohmann::json::parse(model.out);
  CHECK(doc["control"] == "threat_model");
  CHECK(doc["severity"].is_null());
  CHECK(doc["severity_note"] == "set by the component's risk tier");
  CHECK(doc["applies"] == "never: controls.threat_model is off");
}

// Before the JSON writer facade (issue 17), the file list was dumped with nlohmann's strict
// UTF-8 check and the command aborted on this name.
TEST_CASE("policy show as JSON writes a policy file name that is not UTF-8 with U+FFFD",
          "[e2e][policy]") {
  TempRepo repo;
  repo.Write("ba\xffse.yaml", "version: 1\n");
  repo.Write(".riskgate.yaml", "version: 1\nextends: [\"ba\xffse.yaml\"]\n");
  repo.Commit("policy");
  const auto result = repo.Riskgate({"policy", "show", "--format", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  REQUIRE(doc["files"].size() == 2);
  CHECK_THAT(doc["files"][0].get<std::string>(), Catch::EndsWith("ba\xef\xbf\xbdse.yaml"));
  CHECK(doc["policy"]["version"] == 1);
}

}  // namespace riskgate::testing
