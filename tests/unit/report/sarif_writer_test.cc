#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report_samples.h"
#include "support/temp_repo.h"
#include "validators.h"

namespace riskgate::report {
namespace {

using testing::Sample;
using testing::SecretFinding;

nlohmann::json Sarif(const Sample& sample) {
  return nlohmann::json::parse(WriteSarif(sample.input()));
}

}  // namespace

TEST_CASE("a SARIF log lists each rule that fired once, in first-seen order", "[report]") {
  Sample sample({SecretFinding("demo-token", "a.py", 3), SecretFinding("other-key", "b.py", 1),
                 SecretFinding("demo-token", "c.py", 9)});
  auto doc = Sarif(sample);
  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].size() == 1);
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "riskgate");
  CHECK(run["tool"]["driver"]["version"] == std::string(ToolVersion()));
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[0]["id"] == "demo-token");
  CHECK(rules[0]["name"] == "DemoToken");
  CHECK(rules[1]["id"] == "other-key");
  const auto& results = run["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["ruleIndex"] == 0);
  CHECK(results[1]["ruleIndex"] == 1);
  CHECK(results[2]["ruleIndex"] == 0);
  CHECK(results[2]["ruleId"] == "demo-token");
}

TEST_CASE("a clean run has an empty rules list and no results", "[report]") {
  auto doc = Sarif(Sample());
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"].empty());
  CHECK(doc["runs"][0]["results"].empty());
}

TEST_CASE("SARIF levels follow decisions and security-severity follows severity", "[report]") {
  using core::Decision;
  using core::Severity;
  Sample sample({SecretFinding("r-critical", "a", 1, Decision::kBlock, Severity::kCritical),
                 SecretFinding("r-high", "a", 1, Decision::kBlock, Severity::kHigh),
                 SecretFinding("r-medium", "a", 1, Decision::kWarn, Severity::kMedium),
                 SecretFinding("r-low", "a", 1, Decision::kPass, Severity::kLow),
                 SecretFinding("r-info", "a", 1, Decision::kPass, Severity::kInfo)});
  auto doc = Sarif(sample);
  const auto& rules = doc["runs"][0]["tool"]["driver"]["rules"];
  const auto& results = doc["runs"][0]["results"];
  const char* severities[] = {"9.5", "8.0", "5.5", "3.0", "1.0"};
  const char* levels[] = {"error", "error", "warning", "note", "note"};
  for (int i = 0; i < 5; ++i) {
    INFO(i);
    CHECK(rules[i]["properties"]["security-severity"] == severities[i]);
    CHECK(rules[i]["defaultConfiguration"]["level"] == levels[i]);
    CHECK(results[i]["level"] == levels[i]);
    CHECK(rules[i]["properties"]["tags"] == nlohmann::json::array({"security", "secrets"}));
    CHECK(rules[i]["properties"]["precision"] == "high");
  }
}

TEST_CASE("SARIF rule help is built from the remedies and names the revocation URL", "[report]") {
  auto doc = Sarif(Sample({SecretFinding("demo-token", "a.py", 3)}));
  const auto& rule = doc["runs"][0]["tool"]["driver"]["rules"][0];
  const std::string text = rule["help"]["text"];
  CHECK_THAT(text, Catch::Contains("Fix: Revoke and rotate the credential at Demo"));
  CHECK_THAT(text, Catch::Contains("Delete it in the console."));
  CHECK_THAT(text, Catch::Contains("Revoke at: https://example.com/revoke"));
  CHECK_THAT(text, Catch::Contains("Mitigate: Reduce the blast radius: Use short-lived tokens."));
  CHECK_THAT(text, Catch::Contains("Accept: Accept the risk with a waiver"));
  const std::string markdown = rule["help"]["markdown"];
  CHECK_THAT(markdown, Catch::Contains("**Fix:**"));
  CHECK_THAT(markdown, Catch::Contains("**Revoke at:** <https://example.com/revoke>"));
  CHECK(rule["shortDescription"]["text"] == "Demo token found");
  CHECK_THAT(rule["fullDescription"]["text"].get<std::string>(), Catch::Contains("issued by Demo"));
}

TEST_CASE("SARIF descriptions stay within GitHub's 1024 characters", "[report]") {
  auto f = SecretFinding("demo-token", "a.py", 3);
  f.message = std::string(5000, 'x');
  auto doc = Sarif(Sample({f}));
  const auto& rule = doc["runs"][0]["tool"]["driver"]["rules"][0];
  CHECK(rule["shortDescription"]["text"].get<std::string>().size() <= 1024);
  CHECK(rule["fullDescription"]["text"].get<std::string>().size() <= 1024);
}

TEST_CASE("SARIF results carry 1-based regions, an encoded relative URI and our fingerprint",
          "[report]") {
  auto whole_file = SecretFinding("demo-token", "dir/my file%.py", 0);
  whole_file.location.column = 0;
  whole_file.location.commit = "c0ffee";
  whole_file.occurrences = 3;
  auto doc = Sarif(Sample({whole_file}));
  const auto& result = doc["runs"][0]["results"][0];
  const auto& physical = result["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"] == "dir/my%20file%25.py");
  CHECK(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(physical["region"]["startLine"] == 1);
  CHECK(physical["region"]["startColumn"] == 1);
  CHECK(result["partialFingerprints"] ==
        nlohmann::json{{"riskgate/v1", "0123456789abcdef0123456789abcdef"}});
  CHECK_FALSE(result["partialFingerprints"].contains("primaryLocationLineHash"));
  CHECK(result["message"]["text"] ==
        "Demo token found: demo... Fix: Revoke and rotate the credential at Demo.");
  CHECK(result["properties"]["decision"] == "block");
  CHECK(result["properties"]["severity"] == "critical");
  CHECK(result["properties"]["commit"] == "c0ffee");
  CHECK(result["properties"]["occurrences"] == 3);
}

TEST_CASE("SARIF with hostile paths and texts passes the SARIF Multitool's validation",
          "[report][validator]") {
  using core::Decision;
  using core::Severity;
  auto spaces = SecretFinding("demo-token", "dir with spaces/a b.py", 0);
  auto colon = SecretFinding("demo-token", "c:looks-like-a-scheme.txt", 4);
  auto unicode = SecretFinding("other-key", "caf\xc3\xa9/\xe6\x97\xa5\xe6\x9c\xac.env", 2,
                               Decision::kWarn, Severity::kMedium);
  auto invalid =
      SecretFinding("other-key", "bad\xff\xfe/x#y?z.txt", 7, Decision::kWarn, Severity::kMedium);
  invalid.message = "tab\there \x1b[31m and invalid \xff";
  auto pass = SecretFinding("info-rule", "[brackets]{}.md", 1, Decision::kPass, Severity::kInfo);
  pass.hints = {};
  pass.remediation.clear();
  auto waived = SecretFinding("demo-token", "waived.env", 3, Decision::kPass);
  waived.waiver = core::WaiverMark{"W-1",
                                   core::WaiverStatus::kActive,
                                   "2026-12-15",
                                   "alice",
                                   "carol",
                                   "revoked \"fixture\"",
                                   ".riskgate/waivers.yaml",
                                   3};
  auto baselined = SecretFinding("demo-token", "old.env", 9, Decision::kPass);
  baselined.baselined = true;
  riskgate::testing::TempDir dir;
  const std::string path = dir.path() + "/hostile.sarif";
  const std::string sarif =
      WriteSarif(Sample({spaces, colon, unicode, invalid, pass, waived, baselined}).input());
  testing::WriteFile(path, sarif);
  testing::RequireValidSarif(path);
  // Accepted risk stays in the log as suppressed results.
  const auto results = nlohmann::json::parse(sarif)["runs"][0]["results"];
  int suppressed = 0;
  for (const auto& r : results) suppressed += r.contains("suppressions") ? 1 : 0;
  CHECK(suppressed == 2);
}

}  // namespace riskgate::report
