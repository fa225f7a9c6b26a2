// Every figure below is worked out by hand from the runs the test records (docs/metrics.md
// gives the definitions); times are noon UTC, so ages are whole days.
#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/text.h"
#include "ledger/compute_metrics.h"
#include "ledger/ingest.h"
#include "report_json.h"
#include "support/temp_repo.h"

namespace riskgate::ledger {
namespace {

using nlohmann::json;

const std::string kApp = "github.com/acme/app";
const std::string kApi = "gitlab.com/acme/api";

json At(const std::string& repository, const std::string& change, const std::string& day) {
  return test::Run(repository, change, day + "T12:00:00Z");
}

json WithWaiver(json finding, const std::string& id, const std::string& expires) {
  finding["waiver"] = {{"id", id},          {"status", "active"}, {"expires", expires},
                       {"owner", "team-a"}, {"approver", "lead"}, {"reason", "rotating"},
                       {"file", "w.yaml"},  {"line", 1}};
  return finding;
}

json ModelFinding() {
  json f = test::Finding("threat-model-stale", "high", "warn", "t1");
  f["control"] = "threat_model";
  f["component"] = {{"name", "ledger"}, {"tier", "high"}};
  return f;
}

json RegisterWaiver(const std::string& id, const std::string& created, const std::string& expires,
                    const std::string& status, const std::string& severity,
                    const std::string& owner) {
  json w = test::Waiver(id, created, expires);
  w["status"] = status;
  w["severity"] = severity.empty() ? json() : json(severity);
  w["owner"] = owner;
  return w;
}

std::vector<json> Reports() {
  const json f1 = test::Finding("github-pat", "high", "block", "f1");
  const json f2 = test::Finding("aws-access-key-id", "critical", "block", "f2");
  json f3 = test::Finding("unpinned-action", "medium", "warn", "f3");
  f3["control"] = "pins";
  const json f4 = test::Finding("generic-api-key", "high", "block", "f4");
  json f2_waived = WithWaiver(f2, "W-1", "2026-12-10");
  f2_waived["decision"] = "pass";
  json worktree = test::CheckReport(At(kApi, "main", "2026-11-21"), "pass", json::array());
  worktree["scope"]["mode"] = "worktree";
  worktree["policy"]["controls"] = {"secrets", "pins"};
  worktree["secure_defaults"] = {{"workflows", 4}, {"workflows_with_permissions", 1},
                                 {"uses", 10},     {"uses_pinned", 4},
                                 {"images", 2},    {"images_pinned", 1}};
  return {
      test::Register(
          At(kApp, "main", "2026-11-01"),
          {RegisterWaiver("W-2", "2026-06-01", "2026-10-31", "expired", "high", "team-a"),
           RegisterWaiver("W-4", "2026-10-01", "2026-11-05", "active", "medium", "team-b")}),
      test::CheckReport(At(kApp, "pull/1", "2026-11-02"), "block", json::array({f1, f2})),
      test::CheckReport(At(kApp, "pull/1", "2026-11-05"), "block", json::array({f2})),
      test::CheckReport(At(kApp, "pull/1", "2026-11-09"), "pass", json::array({f2_waived})),
      test::Register(
          At(kApp, "main", "2026-11-09"),
          {RegisterWaiver("W-1", "2026-11-09", "2026-12-10", "active", "critical", "team-a"),
           RegisterWaiver("W-2", "2026-06-01", "2026-11-30", "active", "high", "team-a"),
           RegisterWaiver("W-4", "2026-10-01", "2026-11-15", "active", "medium", "team-b")}),
      test::CheckReport(At(kApp, "pull/2", "2026-11-10"), "warn",
                        json::array({f3, ModelFinding()})),
      test::CheckReport(At(kApp, "pull/2", "2026-11-20"), "pass", json::array()),
      test::Register(
          At(kApp, "main", "2026-11-20"),
          {RegisterWaiver("W-1", "2026-11-09", "2026-12-10", "active", "critical", "team-a"),
           RegisterWaiver("W-2", "2026-06-01", "2026-11-30", "active", "high", "team-a"),
           RegisterWaiver("W-3", "2026-09-01", "2027-03-01", "orphaned", "", "team-b"),
           RegisterWaiver("W-4", "2026-10-01", "2027-01-15", "active", "medium", "team-b")}),
      test::ModelStatus(At(kApp, "main", "2026-11-20"),
                        json::array({test::Component("payments", "high", true, true, true),
                                     test::Component("ledger", "high", true, true, false),
                                     test::Component("web", "medium", false, false, false)})),
      worktree,
      test::CheckReport(At(kApp, "pull/3", "2026-11-25"), "block", json::array({f4})),
  };
}

const RemediationRow& RowOf(const Metrics& m, const std::string& severity,
                            const std::string& control) {
  for (const auto& row : m.remediation) {
    if (row.severity == severity && row.control == control) return row;
  }
  FAIL("no remediation row " << severity << "/" << control);
  throw;
}

TEST_CASE("the ledger's metrics match the figures worked out by hand", "[ledger]") {
  testing::TempDir dir;
  auto db = OpenLedger(dir.path() + "/ledger.sqlite", OpenMode::kReadWrite);
  REQUIRE(db);
  for (int pass = 0; pass < 2; ++pass) {  // the second pass must change nothing
    int index = 0;
    for (const json& doc : Reports()) {
      const std::string text = doc.dump();
      auto report = ReadLedgerReport(text, "r" + std::to_string(index++) + ".json", "", test::kNow);
      INFO((report ? std::string() : report.error().message));
      REQUIRE(report);
      REQUIRE(*report);
      auto outcome = Ingest(**db, **report, core::Sha256Hex(text), "r.json", 0);
      REQUIRE(outcome);
      CHECK(*outcome == (pass == 0 ? IngestOutcome::kAdded : IngestOutcome::kAlreadyPresent));
    }
  }
  auto rows = LoadRows(**db);
  REQUIRE(rows);
  const Metrics m = ComputeMetrics(*rows, *core::ParseDate("2026-12-01"));
  CHECK(m.repositories == 2);
  CHECK(m.reports == 11);
  CHECK(m.first_run == "2026-11-01");
  CHECK(m.last_run == "2026-11-25");

  // Time to remediate: f1 3 days, the model finding 10, f3 10; f2 (29 days) and f4 (6) open.
  const auto& critical = RowOf(m, "critical", "");
  CHECK(critical.remediated.count == 0);
  CHECK_FALSE(critical.remediated.median_days);
  CHECK(critical.open_age.count == 1);
  CHECK(*critical.open_age.median_days == Approx(29));
  const auto& high = RowOf(m, "high", "");
  CHECK(high.remediated.count == 2);
  CHECK(*high.remediated.median_days == Approx(6.5));
  CHECK(*high.remediated.p90_days == Approx(10));
  CHECK(high.open_age.count == 1);
  CHECK(*high.open_age.median_days == Approx(6));
  CHECK(*RowOf(m, "medium", "").remediated.median_days == Approx(10));
  CHECK(RowOf(m, "low", "").remediated.count == 0);
  CHECK(*RowOf(m, "high", "secrets").remediated.median_days == Approx(3));
  CHECK(*RowOf(m, "high", "threat_model").remediated.median_days == Approx(10));

  // The register: f2 accepted by W-1 (critical first), f4 open.
  REQUIRE(m.open_risks.size() == 2);
  CHECK(m.open_risks[0].fingerprint == "f2");
  CHECK(m.open_risks[0].status == "accepted");
  CHECK(m.open_risks[0].owner == "team-a");
  CHECK(m.open_risks[0].waiver_id == "W-1");
  CHECK(m.open_risks[0].expires == "2026-12-10");
  CHECK(m.open_risks[0].first_seen == "2026-11-02");
  CHECK(m.open_risks[1].fingerprint == "f4");
  CHECK(m.open_risks[1].status == "open");
  CHECK(m.open_risks[1].age_days == Approx(6));

  // Exceptions: the latest register (2026-11-20), aged to 2026-12-01.
  const auto& ex = m.exceptions;
  CHECK(ex.total == 4);
  CHECK(ex.expired == 1);  // W-2 ran out on 2026-11-30
  CHECK(ex.orphaned == 1);
  CHECK(ex.expiring == 0);
  CHECK(ex.unauthorized == 0);
  CHECK(ex.renewed_more_than_once == 1);  // W-4: 11-05, 11-15, then 2027-01-15
  REQUIRE(ex.oldest.size() == 4);
  CHECK(ex.oldest[0].id == "W-2");
  CHECK(ex.oldest[0].age_days == 183);
  CHECK(ex.oldest[0].days_left == -1);
  CHECK(ex.oldest[0].status == "expired");
  CHECK(ex.oldest[0].renewals == 1);
  CHECK(ex.oldest[1].id == "W-3");
  CHECK(ex.oldest[1].age_days == 91);
  CHECK(ex.oldest[1].days_left == 90);
  CHECK(ex.oldest[2].id == "W-4");
  CHECK(ex.oldest[2].age_days == 61);
  CHECK(ex.oldest[2].days_left == 45);
  CHECK(ex.oldest[2].renewals == 2);
  CHECK(ex.oldest[3].id == "W-1");
  CHECK(ex.oldest[3].age_days == 22);
  CHECK(ex.oldest[3].days_left == 9);
  auto count = [](const std::vector<Count>& counts, const std::string& name) {
    for (const auto& c : counts) {
      if (c.name == name) return c.value;
    }
    return -1;
  };
  CHECK(count(ex.by_age, "0-30") == 1);
  CHECK(count(ex.by_age, "31-90") == 1);
  CHECK(count(ex.by_age, "91-180") == 1);
  CHECK(count(ex.by_age, "181+") == 1);
  CHECK(count(ex.by_days_to_expiry, "expired") == 1);
  CHECK(count(ex.by_days_to_expiry, "0-7") == 0);
  CHECK(count(ex.by_days_to_expiry, "8-30") == 1);
  CHECK(count(ex.by_days_to_expiry, "31-90") == 2);
  CHECK(count(ex.by_severity, "none") == 1);
  CHECK(count(ex.by_owner, "team-a") == 2);
  CHECK(count(ex.by_owner, "team-b") == 2);

  // Threat models: payments covered, ledger incomplete; pull/2 went through without one.
  CHECK(m.threat_models.high_tier_total == 2);
  CHECK(m.threat_models.high_tier_covered == 1);
  CHECK(*m.threat_models.share == Approx(0.5));
  REQUIRE(m.threat_models.changes_without_model.size() == 1);
  CHECK(m.threat_models.changes_without_model[0].component == "ledger");
  CHECK(m.threat_models.changes_without_model[0].date == "2026-11-10");
  CHECK(m.threat_models.changes_without_model[0].decision == "warn");

  // Secure defaults: the api's worktree audit; reviews on in app's policy, off in api's.
  CHECK(*m.adoption.uses_pinned_share == Approx(0.4));
  CHECK(*m.adoption.workflows_with_permissions_share == Approx(0.25));
  CHECK(*m.adoption.images_pinned_share == Approx(0.5));
  CHECK(*m.adoption.repositories_with_reviews_share == Approx(0.5));

  // Friction: 7 check runs; pull/1 blocked from 11-02 to 11-09; pull/3 still blocked.
  const auto& fr = m.friction;
  CHECK(fr.runs == 7);
  CHECK(fr.block == 3);
  CHECK(fr.warn == 1);
  CHECK(fr.pass == 3);
  CHECK(fr.blocks_later_waived == 1);
  CHECK(fr.time_blocked.count == 1);
  CHECK(*fr.time_blocked.median_days == Approx(7));
  CHECK(fr.changes_still_blocked == 1);
  REQUIRE_FALSE(fr.by_rule.empty());
  CHECK(fr.by_rule[0].rule == "secrets/aws-access-key-id");
  CHECK(fr.by_rule[0].runs == 3);
  CHECK(fr.by_rule[0].block == 2);
  CHECK(fr.by_rule[0].pass == 1);
  CHECK(fr.by_rule[0].later_waived == 1);
  REQUIRE(fr.by_repository.size() == 2);
  CHECK(fr.by_repository[0].repository == kApp);
  CHECK(fr.by_repository[0].runs == 6);

  // Trend: weeks from Monday 2026-10-26 to Monday 2026-11-30.
  REQUIRE(m.trend.size() == 6);
  CHECK(m.trend[1].week == "2026-11-02");
  CHECK(m.trend[1].opened == 2);
  CHECK(m.trend[1].remediated == 1);
  CHECK(m.trend[1].open_findings == 1);
  CHECK(m.trend[1].runs == 2);
  CHECK(m.trend[1].blocked_runs == 2);
  CHECK(m.trend[1].active_waivers == 0);
  CHECK(m.trend[2].week == "2026-11-09");
  CHECK(m.trend[2].opened == 2);
  CHECK(m.trend[2].remediated == 0);
  CHECK(m.trend[2].open_findings == 3);
  CHECK(m.trend[2].runs == 2);
  CHECK(m.trend[2].blocked_runs == 0);
  CHECK(m.trend[2].active_waivers == 3);
  CHECK(m.trend[5].open_findings == 2);

  // The worst repository: app, one high open and one expired waiver.
  REQUIRE(m.worst_repositories.size() == 2);
  CHECK(m.worst_repositories[0].repository == kApp);
  CHECK(m.worst_repositories[0].high == 1);
  CHECK(m.worst_repositories[0].critical == 0);
  CHECK(m.worst_repositories[0].expired_waivers == 1);
  CHECK(m.worst_repositories[0].last_run == "2026-11-25");
}

TEST_CASE("a ledger from a newer riskgate is refused, not rewritten", "[ledger]") {
  testing::TempDir dir;
  const std::string path = dir.path() + "/ledger.sqlite";
  {
    auto db = OpenLedger(path, OpenMode::kReadWrite);
    REQUIRE(db);
    REQUIRE((*db)->Run("UPDATE ledger_schema SET version = 99"));
  }
  auto again = OpenLedger(path, OpenMode::kReadWrite);
  REQUIRE_FALSE(again);
  CHECK_THAT(again.error().message, Catch::Contains("schema version 99"));
}

}  // namespace
}  // namespace riskgate::ledger
