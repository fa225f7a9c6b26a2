#include "ledger/ledger_report.h"

#include <catch2/catch.hpp>

#include "report_json.h"

namespace riskgate::ledger {
namespace {

using nlohmann::json;

core::Result<std::optional<LedgerReport>> Read(const json& doc) {
  return ReadLedgerReport(doc.dump(), "r.json", "", test::kNow);
}

json Valid() {
  return test::CheckReport(test::Run("github.com/acme/app", "pull/7", "2026-11-02T12:00:00Z"),
                           "block",
                           json::array({test::Finding("github-pat", "high", "block", "f1")}));
}

TEST_CASE("a check report is read with its run, policy controls and findings", "[ledger]") {
  auto read = Read(Valid());
  REQUIRE(read);
  REQUIRE(*read);
  const LedgerReport& r = **read;
  CHECK(r.kind == ReportKind::kCheck);
  CHECK(r.run.repository == "github.com/acme/app");
  CHECK(r.run.change == "pull/7");
  CHECK(r.run.time == 1793620800);  // 2026-11-02T12:00:00Z
  CHECK(r.decision == "block");
  CHECK(r.commit == "b");
  REQUIRE(r.controls_on);
  CHECK(*r.controls_on == std::vector<std::string>{"secrets", "pins", "reviews"});
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].fingerprint == "f1");
  CHECK(r.findings[0].severity == "high");
}

TEST_CASE("JSON that is not a riskgate document is skipped, not refused", "[ledger]") {
  auto read = Read(json{{"version", "2.1.0"}, {"runs", json::array()}});
  REQUIRE(read);
  CHECK_FALSE(*read);
}

TEST_CASE("hostile reports are refused with the field that is wrong", "[ledger]") {
  json doc = Valid();
  std::string field;
  SECTION("a wrong type") {
    doc["findings"][0]["line"] = "three";
    field = "findings[0].line: expected an integer";
  }
  SECTION("a number too large for the field") {
    doc["findings"][0]["line"] = 99999999999;
    field = "findings[0].line: out of range";
  }
  SECTION("a severity riskgate never writes") {
    doc["findings"][0]["severity"] = "catastrophic";
    field = "findings[0].severity: unknown value 'catastrophic'";
  }
  SECTION("the same finding listed twice") {
    doc["findings"].push_back(doc["findings"][0]);
    field = "findings[1]: the same finding";
  }
  SECTION("a secret in a message") {
    doc["findings"][0]["message"] =
        "token ghp_" + std::string("Zq8vLx2mR9tKp4Ww7bN3cH6jD1sF5gY0aE2u");
    field = "findings[0].message: holds what looks like a secret";
  }
  SECTION("a secret in a key") {
    doc["findings"][0]["AKIA" + std::string("IOSFODNN7EXAMPLQ")] = 1;
    field = "looks like a secret";
  }
  SECTION("a time that is not RFC 3339") {
    doc["run"]["time"] = "yesterday";
    field = "run.time: expected an RFC 3339 time";
  }
  SECTION("no run object") {
    doc.erase("run");
    field = "run: missing";
  }
  SECTION("no repository and none given") {
    doc["run"]["repository"] = nullptr;
    field = "run.repository: null";
  }
  SECTION("a shard of a history audit") {
    doc["scope"]["mode"] = "history";
    doc["scope"]["history"] = {{"refs", json::array()},
                               {"tip", "b"},
                               {"commits", 1},
                               {"commits_walked", 1},
                               {"blobs_read", 1},
                               {"bytes_read", 1},
                               {"stopped_at", json::array()},
                               {"missing_blobs", 0},
                               {"shard", "1/2"},
                               {"seconds", 0.1}};
    field = "scope.history.shard";
  }
  SECTION("a control name that would split when stored") {
    doc["policy"]["controls"] = json::array({"secrets,reviews"});
    field = "policy.controls[0]: not a control name";
  }
  SECTION("a token split by a NUL") {
    const std::string token = "ghp_" + std::string("Zq8vLx2mR9tKp4Ww7bN3cH6jD1sF5gY0aE2u");
    doc["findings"][0]["path"] = token.substr(0, 20) + std::string(1, '\0') + token.substr(20);
    field = "findings[0].path: holds what looks like a secret";
  }
  SECTION("a token split by a zero-width space") {
    const std::string token = "ghp_" + std::string("Zq8vLx2mR9tKp4Ww7bN3cH6jD1sF5gY0aE2u");
    doc["run"]["change"] = token.substr(0, 20) + "\u200b" + token.substr(20);
    field = "run.change: holds what looks like a secret";
  }
  SECTION("a control character in a stored field") {
    doc["findings"][0]["rule"] = "rule\x1b]8;;http://x\x07";
    field = "findings[0].rule: holds a control character";
  }
  SECTION("a run dated after the ingest") {
    doc["run"]["time"] = "9999-12-31T00:00:00Z";
    field = "run.time: not between 2000-01-01 and the time of the ingest";
  }
  SECTION("a run dated before riskgate") {
    doc["run"]["time"] = "0000-01-01T00:00:00Z";
    field = "run.time: not between";
  }
  SECTION("a negative line") {
    doc["findings"][0]["line"] = -5;
    field = "findings[0].line: negative";
  }
  SECTION("a waiver expiry that is no date") {
    doc["findings"][0]["waiver"] = {{"id", "W-1"},   {"status", "active"}, {"expires", "soon"},
                                    {"owner", "a"},  {"approver", "b"},    {"reason", "r"},
                                    {"file", "w.y"}, {"line", 1}};
    field = "findings[0].waiver.expires: expected a date";
  }
  SECTION("an enumeration value too long to repeat") {
    doc["findings"][0]["severity"] = std::string(100000, 'x');
    field = "unknown value '" + std::string(64, 'x') + "...'";
  }
  SECTION("an overlong field") {
    doc["findings"][0]["path"] = std::string(5000, 'a');
    field = "findings[0].path: longer than 4096 bytes";
  }
  auto read = Read(doc);
  REQUIRE_FALSE(read);
  CHECK(read.error().location == "r.json");
  CHECK_THAT(read.error().message, Catch::Contains(field));
}

TEST_CASE("a raw NUL byte ends no report early: it is refused", "[ledger]") {
  const std::string text = Valid().dump() + std::string(1, '\0') + "ghp_trailing";
  auto read = ReadLedgerReport(text, "r.json", "", test::kNow);
  REQUIRE_FALSE(read);
  CHECK_THAT(read.error().message, Catch::Contains("a NUL byte"));
}

TEST_CASE("a risk register with a waiver id listed twice is refused", "[ledger]") {
  const json run = test::Run("github.com/acme/app", "main", "2026-11-02T12:00:00Z");
  json doc = test::Register(run, json::array({test::Waiver("W-1", "2026-10-01", "2026-12-01"),
                                              test::Waiver("W-1", "2026-10-02", "2026-12-02")}));
  auto read = Read(doc);
  REQUIRE_FALSE(read);
  CHECK_THAT(read.error().message,
             Catch::Contains("waivers[1].id: waiver id 'W-1' is listed twice"));
  doc["waivers"].erase(1);
  auto good = Read(doc);
  REQUIRE(good);
  REQUIRE(*good);
  CHECK((*good)->kind == ReportKind::kWaivers);
  REQUIRE((*good)->waivers.size() == 1);
  CHECK((*good)->waivers[0].expires == "2026-12-01");
}

TEST_CASE("the repository given for reports naming none is used only for those", "[ledger]") {
  json doc = Valid();
  doc["run"]["repository"] = nullptr;
  auto read = ReadLedgerReport(doc.dump(), "r.json", "internal/app", test::kNow);
  REQUIRE(read);
  CHECK((*read)->run.repository == "internal/app");
  auto own = ReadLedgerReport(Valid().dump(), "r.json", "internal/app", test::kNow);
  REQUIRE(own);
  CHECK((*own)->run.repository == "github.com/acme/app");
}

}  // namespace
}  // namespace riskgate::ledger
