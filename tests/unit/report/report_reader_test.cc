// Reading riskgate's own JSON and SARIF reports back (riskgate merge): what the writers write
// reads back the same, and a damaged report is an error naming the field.
#include "report/report_reader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

#include "report_samples.h"

namespace riskgate::report {
namespace {

using testing::Sample;
using testing::SecretFinding;

Sample HistorySample() {
  auto finding = SecretFinding("demo-token", "src/app.py", 7);
  finding.location.commit = "1111111111111111111111111111111111111111";
  finding.content_id = "abcdefabcdefabcdefabcdefabcdefab";
  core::HistoryTrail trail;
  trail.present_at_head = true;
  trail.sightings.push_back({"1111111111111111111111111111111111111111", "Ann <ann@example.com>",
                             1767225600, "src/app.py", 7, 5, core::Sighting::Kind::kAdded});
  trail.sightings.push_back({"2222222222222222222222222222222222222222", "Bob <bob@example.com>",
                             1767312000, "lib/app.py", 9, 3, core::Sighting::Kind::kMoved});
  // In a tree only a ref names: no author, no time.
  trail.sightings.push_back({"4444444444444444444444444444444444444444", "", 0,
                             "refs/tags/t:src/app.py", 7, 5, core::Sighting::Kind::kRef});
  finding.history = trail;
  Sample sample({finding, SecretFinding("other", "README.md", 2, core::Decision::kWarn,
                                        core::Severity::kMedium)});
  sample.scope.mode = core::ScanMode::kHistory;
  core::HistoryScope history;
  history.refs = {"HEAD", "refs/heads/main"};
  history.tip = "2222222222222222222222222222222222222222";
  history.commits = 40;
  history.commits_walked = 120;
  history.ref_objects = 2;
  history.blobs_read = 77;
  history.bytes_read = 123456;
  history.stopped_at = {"3333333333333333333333333333333333333333"};
  history.shard = "2/3";
  sample.scope.history = history;
  sample.scope.head = history.tip;
  return sample;
}

void CheckSameTrail(const core::JudgedFinding& read, const core::JudgedFinding& written) {
  REQUIRE(read.history.has_value());
  CHECK(read.history->present_at_head == written.history->present_at_head);
  REQUIRE(read.history->sightings.size() == written.history->sightings.size());
  for (std::size_t i = 0; i < read.history->sightings.size(); ++i) {
    const auto& a = read.history->sightings[i];
    const auto& b = written.history->sightings[i];
    CHECK(a.commit == b.commit);
    CHECK(a.author == b.author);
    CHECK(a.time == b.time);
    CHECK(a.path == b.path);
    CHECK(a.line == b.line);
    CHECK(a.column == b.column);
    CHECK(a.kind == b.kind);
  }
}

}  // namespace

TEST_CASE("a JSON report reads back with its findings, history and scope", "[report][reader]") {
  const Sample sample = HistorySample();
  const std::string text = Render(Format::kJson, sample.input(), {});
  auto read = ReadJsonReport(text, "shard2.json");
  REQUIRE(read.has_value());
  CHECK(read->decision == core::Decision::kBlock);
  REQUIRE(read->findings.size() == 2);
  const auto& f = read->findings[0];
  CHECK(f.rule == "demo-token");
  CHECK(f.location.path == "src/app.py");
  CHECK(f.location.line == 7);
  CHECK(f.fingerprint == sample.verdict.findings[0].fingerprint);
  CHECK(f.secret == "demo...");
  CheckSameTrail(f, sample.verdict.findings[0]);
  CHECK(read->findings[1].decision == core::Decision::kWarn);
  REQUIRE(read->scope.history.has_value());
  CHECK(read->scope.history->shard == "2/3");
  CHECK(read->scope.history->tip == sample.scope.history->tip);
  CHECK(read->scope.history->commits == 40);
  CHECK(read->scope.history->ref_objects == 2);
  CHECK(read->scope.history->stopped_at == sample.scope.history->stopped_at);
  CHECK(read->policy.sha256 == "ab12");
  // Told apart by content, not by name.
  auto any = ReadAnyReport(text, "report.sarif");
  REQUIRE(any.has_value());
  CHECK(any->findings.size() == 2);
}

TEST_CASE("a SARIF report reads back with the findings and history merge needs",
          "[report][reader]") {
  const Sample sample = HistorySample();
  const std::string text = Render(Format::kSarif, sample.input(), {});
  auto read = ReadAnyReport(text, "shard2.sarif");
  REQUIRE(read.has_value());
  REQUIRE(read->findings.size() == 2);
  const auto& f = read->findings[0];
  CHECK(f.control == "secrets");
  CHECK(f.rule == "demo-token");
  CHECK(f.location.path == "src/app.py");
  CHECK(f.location.line == 7);
  CHECK(f.fingerprint == sample.verdict.findings[0].fingerprint);
  CheckSameTrail(f, sample.verdict.findings[0]);
  REQUIRE(read->scope.history.has_value());
  CHECK(read->scope.history->shard == "2/3");
  CHECK(read->policy.sha256 == "ab12");
}

TEST_CASE("a damaged report is an error that names the file and the field", "[report][reader]") {
  const Sample sample = HistorySample();
  const std::string text = Render(Format::kJson, sample.input(), {});

  auto truncated = ReadAnyReport(text.substr(0, text.size() / 2), "cut.json");
  REQUIRE_FALSE(truncated.has_value());
  CHECK(truncated.error().ToString().find("cut.json") != std::string::npos);

  auto doc = nlohmann::json::parse(text);
  doc["findings"][0]["line"] = "seven";
  auto bad_line = ReadJsonReport(doc.dump(), "shard.json");
  REQUIRE_FALSE(bad_line.has_value());
  const std::string message = bad_line.error().ToString();
  CHECK(message.find("shard.json") != std::string::npos);
  CHECK(message.find("findings[0].line") != std::string::npos);

  auto no_decision = nlohmann::json::parse(text);
  no_decision["findings"][1]["decision"] = "maybe";
  auto bad_decision = ReadJsonReport(no_decision.dump(), "shard.json");
  REQUIRE_FALSE(bad_decision.has_value());
  CHECK(bad_decision.error().ToString().find("maybe") != std::string::npos);

  auto not_a_report = ReadAnyReport("{\"hello\": 1}", "other.json");
  REQUIRE_FALSE(not_a_report.has_value());
  CHECK(not_a_report.error().ToString().find("other.json") != std::string::npos);
}

}  // namespace riskgate::report

namespace riskgate::report {

TEST_CASE("a report nested past the depth limit is an error naming the file and the limit",
          "[report][reader]") {
  const std::string deep =
      "{\"findings\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  for (const auto& read : {ReadJsonReport(deep, "deep.json"), ReadSarifReport(deep, "deep.json"),
                           ReadAnyReport(deep, "deep.json")}) {
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().location == "deep.json");
    CHECK(read.error().message.find("nested more than 128 levels deep") != std::string::npos);
  }
}

}  // namespace riskgate::report

namespace riskgate::report {

TEST_CASE("a report that gives a key twice is refused, naming the file, line and column",
          "[report][reader][json]") {
  // Two readers of this shard could merge a different decision: refuse it.
  const std::string text = "{\"decision\": \"pass\",\n \"decision\": \"block\"}";
  for (const auto& read : {ReadJsonReport(text, "shard.json"), ReadAnyReport(text, "shard.json")}) {
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().location == "shard.json");
    CHECK(read.error().message.find("line 2, column 2: duplicate key 'decision'") !=
          std::string::npos);
  }
}

TEST_CASE("report fields keep their JSON types", "[report][reader][json]") {
  const Sample sample = HistorySample();
  const std::string text = Render(Format::kJson, sample.input(), {});
  for (const auto& [field, value, expected] :
       {std::tuple{"line", "7.0", "expected an integer"},
        std::tuple{"line", "\"7\"", "expected an integer"},
        std::tuple{"line", "99999999999999999999", "expected an integer"},
        std::tuple{"in_change", "1", "expected true or false"},
        std::tuple{"in_change", "\"true\"", "expected true or false"},
        std::tuple{"rule", "7", "expected a string"}}) {
    auto doc = nlohmann::json::parse(text);
    doc["findings"][0][field] = nlohmann::json::parse(value);
    const auto read = ReadJsonReport(doc.dump(), "shard.json");
    INFO(field << " = " << value);
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().message.find(expected) != std::string::npos);
  }
}

}  // namespace riskgate::report
