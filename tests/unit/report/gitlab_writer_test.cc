#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "report/report.h"
#include "report_samples.h"

namespace riskgate::report {
namespace {

using core::Decision;
using core::Severity;
using testing::Sample;
using testing::SecretFinding;

nlohmann::json Gitlab(const Sample& sample) {
  return nlohmann::json::parse(WriteGitlab(sample.input()));
}

}  // namespace

TEST_CASE("a Code Quality issue has the fields GitLab reads", "[report]") {
  auto doc = Gitlab(Sample({SecretFinding("demo-token", "dir/a.py", 4)}));
  REQUIRE(doc.is_array());
  REQUIRE(doc.size() == 1);
  const auto& issue = doc[0];
  CHECK(issue["type"] == "issue");
  CHECK(issue["check_name"] == "demo-token");
  CHECK(issue["description"] ==
        "Demo token found: demo... Fix: Revoke and rotate the credential at Demo.");
  CHECK(issue["categories"] == nlohmann::json::array({"Security"}));
  CHECK(issue["fingerprint"] == "0123456789abcdef0123456789abcdef");
  CHECK(issue["location"]["path"] == "dir/a.py");
  CHECK(issue["location"]["lines"]["begin"] == 4);
}

TEST_CASE("Code Quality severities follow decisions, critical blocks being blockers", "[report]") {
  auto doc = Gitlab(Sample({SecretFinding("a", "a", 1, Decision::kBlock, Severity::kCritical),
                            SecretFinding("b", "a", 1, Decision::kBlock, Severity::kHigh),
                            SecretFinding("c", "a", 1, Decision::kWarn, Severity::kMedium),
                            SecretFinding("d", "a", 1, Decision::kPass, Severity::kLow)}));
  CHECK(doc[0]["severity"] == "blocker");
  CHECK(doc[1]["severity"] == "critical");
  CHECK(doc[2]["severity"] == "major");
  CHECK(doc[3]["severity"] == "info");
}

TEST_CASE("Code Quality fingerprints are unique per issue and ignore line numbers", "[report]") {
  // The same secret twice in one file has one finding fingerprint.
  auto first = Gitlab(Sample({SecretFinding("r", "a.py", 3), SecretFinding("r", "a.py", 8)}));
  CHECK(first[0]["fingerprint"] == "0123456789abcdef0123456789abcdef");
  CHECK(first[1]["fingerprint"] != first[0]["fingerprint"]);
  CHECK(first[1]["fingerprint"].get<std::string>().size() == 32);
  // Lines moved by an edit above: the same fingerprints.
  auto moved = Gitlab(Sample({SecretFinding("r", "a.py", 13), SecretFinding("r", "a.py", 18)}));
  CHECK(moved[0]["fingerprint"] == first[0]["fingerprint"]);
  CHECK(moved[1]["fingerprint"] == first[1]["fingerprint"]);
  // Findings without a fingerprint still get distinct, stable ones.
  auto a = SecretFinding("r", "a.py", 1);
  auto b = SecretFinding("r", "b.py", 1);
  a.fingerprint.clear();
  b.fingerprint.clear();
  auto bare = Gitlab(Sample({a, b}));
  CHECK(bare[0]["fingerprint"] != bare[1]["fingerprint"]);
  CHECK_FALSE(bare[0]["fingerprint"].get<std::string>().empty());
}

TEST_CASE("a clean run gives an empty Code Quality array", "[report]") {
  CHECK(Gitlab(Sample()) == nlohmann::json::array());
}

}  // namespace riskgate::report
