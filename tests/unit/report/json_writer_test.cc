#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace riskgate::report {

TEST_CASE("the JSON report carries the documented contract fields", "[report]") {
  core::JudgedFinding f;
  f.control = "secrets";
  f.rule = "demo-token";
  f.severity = core::Severity::kHigh;
  f.decision = core::Decision::kBlock;
  f.message = "Demo token found";
  f.location = {"dir/a.py", 4, 9, std::string("c0ffee")};
  f.fingerprint = "abc";
  f.secret = "demo...";
  f.remediation = {{core::RemedyKind::kFix, "Revoke", "details"}};
  f.confidence = core::Confidence::kHigh;
  decide::Verdict verdict;
  verdict.decision = core::Decision::kBlock;
  verdict.findings = {f};
  verdict.summary.total = verdict.summary.block = 1;
  core::ScopeSummary scope;
  scope.mode = core::ScanMode::kRange;
  scope.base = "b";
  scope.head = "h";
  scope.commits = 2;
  scope.files_scanned = 3;
  scope.skipped = {{"img.png", core::SkipReason::kBinary, std::nullopt}};
  core::PolicySource source{"builtin:default", "00", ""};
  auto doc = nlohmann::json::parse(WriteJson({verdict, scope, source, false}));
  CHECK(doc["decision"] == "block");
  CHECK(doc["policy"]["source"] == "builtin:default");
  CHECK(doc["scope"]["mode"] == "range");
  CHECK(doc["scope"]["base"] == "b");
  CHECK(doc["scope"]["head"] == "h");
  CHECK(doc["scope"]["commits"] == 2);
  CHECK(doc["scope"]["files_scanned"] == 3);
  CHECK(doc["scope"]["files_skipped"] == 1);
  CHECK(doc["scope"]["skipped"][0]["reason"] == "binary");
  const auto& j = doc["findings"][0];
  for (const char* key : {"control", "rule", "severity", "decision", "message", "path", "line",
                          "column", "commit", "fingerprint", "secret", "remediation"}) {
    INFO(key);
    CHECK(j.contains(key));
  }
  CHECK(j["commit"] == "c0ffee");
  CHECK(j["confidence"] == "high");  // issue 18: extends the contract
  // SARIF: properties.confidence and the result's rank.
  auto sarif = nlohmann::json::parse(WriteSarif({verdict, scope, source, false}));
  const auto& result = sarif["runs"][0]["results"][0];
  CHECK(result["properties"]["confidence"] == "high");
  CHECK(result["rank"] == 90.0);
  CHECK(j["line"] == 4);
  CHECK(j["remediation"][0]["kind"] == "fix");
  CHECK(doc["summary"]["block"] == 1);
  CHECK(doc["summary"]["total"] == 1);
}

TEST_CASE("a finding outside any commit has a null commit", "[report]") {
  core::JudgedFinding f;
  decide::Verdict verdict;
  verdict.findings = {f};
  core::ScopeSummary scope;
  core::PolicySource source;
  auto doc = nlohmann::json::parse(WriteJson({verdict, scope, source, false}));
  CHECK(doc["findings"][0]["commit"].is_null());
  CHECK(doc["scope"]["base"].is_null());
}

TEST_CASE("paths with invalid UTF-8 still give valid JSON", "[report]") {
  core::JudgedFinding f;
  f.location.path = "bad\xff\xfe/name\n.txt";
  decide::Verdict verdict;
  verdict.findings = {f};
  core::ScopeSummary scope;
  core::PolicySource source;
  CHECK_NOTHROW(nlohmann::json::parse(WriteJson({verdict, scope, source, false})));
}

TEST_CASE("the text report escapes terminal control sequences in paths", "[report]") {
  core::JudgedFinding f;
  f.location.path = "evil\x1b[2J.txt";
  decide::Verdict verdict;
  verdict.findings = {f};
  core::ScopeSummary scope;
  core::PolicySource source;
  const std::string text = WriteText({verdict, scope, source, false}, TextStyle{false});
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("evil\\x1b[2J.txt") != std::string::npos);
}

}  // namespace riskgate::report
