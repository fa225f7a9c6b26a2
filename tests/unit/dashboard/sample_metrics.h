// Metrics for the dashboard tests: a plausible program (three repositories, twelve weeks) and
// the empty value a ledger without runs gives.
#pragma once

#include <string>

#include "ledger/metrics.h"

namespace riskgate::dashboard::testing {

inline ledger::Metrics SampleMetrics() {
  ledger::Metrics m;
  m.now = "2026-11-30";
  m.repositories = 3;
  m.reports = 412;
  m.first_run = "2026-06-01";
  m.last_run = "2026-11-30";
  m.remediation = {
      {"critical", "", {4, 3.5, 9.0}, {2, 12.0, 20.0}},
      {"high", "", {10, 7.25, 30.0}, {3, 40.0, 75.5}},
      {"medium", "", {0, std::nullopt, std::nullopt}, {5, 60.0, 90.0}},
      {"critical", "secrets", {4, 3.5, 9.0}, {1, 12.0, 12.0}},
      {"high", "pins", {10, 7.25, 30.0}, {3, 40.0, 75.5}},
  };
  m.open_risks = {
      {"github.com/acme/payments", "secrets", "aws-access-key", "critical", "config/prod.env",
       "fp-aaaa1111", "2026-11-18", 12.0, "alice", "open", "", ""},
      {"github.com/acme/payments", "secrets", "slack-webhook", "critical", "scripts/notify.sh",
       "fp-bbbb2222", "2026-11-10", 20.0, "bob", "accepted", "W-7", "2026-12-15"},
      {"github.com/acme/web", "pins", "unpinned-action", "high", ".github/workflows/ci.yml",
       "fp-cccc3333", "2026-09-01", 90.0, "", "open", "", ""},
      {"gitlab.com/acme/infra", "threat_model", "missing-model", "medium", "", "fp-dddd4444",
       "2026-10-01", 60.0, "platform-team", "open", "", ""},
  };
  auto& e = m.exceptions;
  e.total = 4;
  e.expired = 1;
  e.expiring = 1;
  e.orphaned = 1;
  e.unauthorized = 0;
  e.renewed_more_than_once = 1;
  e.by_age = {{"0-30", 1}, {"31-90", 1}, {"91-180", 1}, {"181+", 1}};
  e.by_days_to_expiry = {{"expired", 1}, {"0-7", 1}, {"8-30", 1}, {"31-90", 0}, {"91+", 1}};
  e.by_severity = {{"critical", 2}, {"high", 1}, {"none", 1}};
  e.by_owner = {{"bob", 2}, {"alice", 1}, {"platform-team", 1}};
  e.oldest = {
      {"github.com/acme/web", "W-1", "alice", "ciso", "high", "expired", "2026-03-01", "2026-11-01",
       274, -29, 2},
      {"gitlab.com/acme/infra", "W-3", "platform-team", "ciso", "", "orphaned", "2026-07-01",
       "2027-03-01", 152, 91, 0},
      {"github.com/acme/payments", "W-5", "bob", "lead", "critical", "expiring", "2026-09-20",
       "2026-12-05", 71, 5, 0},
      {"github.com/acme/payments", "W-7", "bob", "lead", "critical", "active", "2026-11-10",
       "2026-12-15", 20, 15, 0},
  };
  auto& t = m.threat_models;
  t.high_tier_total = 4;
  t.high_tier_covered = 3;
  t.share = 0.75;
  t.components = {
      {"github.com/acme/payments", "ledger-api", "high", true, true, true, true},
      {"github.com/acme/payments", "card-vault", "high", true, true, true, true},
      {"github.com/acme/web", "auth", "high", true, true, true, true},
      {"gitlab.com/acme/infra", "vpn-gateway", "high", true, false, false, false},
  };
  t.changes_without_model = {
      {"gitlab.com/acme/infra", "4f2c9e1", "vpn-gateway", "2026-11-20", "warn"}};
  auto& a = m.adoption;
  a.uses_pinned_share = 0.8;
  a.workflows_with_permissions_share = 0.5;
  a.repositories_with_reviews_share = 2.0 / 3.0;
  a.images_pinned_share = std::nullopt;
  a.repositories = {
      {"github.com/acme/payments", 10, 10, 4, 3, 0, 0, true},
      {"github.com/acme/web", 10, 6, 4, 1, 0, 0, true},
      {"gitlab.com/acme/infra", 0, 0, 0, 0, 0, 0, false},
  };
  auto& f = m.friction;
  f.runs = 400;
  f.block = 20;
  f.warn = 60;
  f.pass = 320;
  f.blocks_later_waived = 4;
  f.time_blocked = {16, 0.5, 2.25};
  f.changes_still_blocked = 2;
  f.by_repository = {{"github.com/acme/payments", "", 200, 12, 30, 158, 3},
                     {"github.com/acme/web", "", 150, 8, 20, 122, 1},
                     {"gitlab.com/acme/infra", "", 50, 0, 10, 40, 0}};
  f.by_rule = {{"", "secrets/aws-access-key", 12, 12, 0, 0, 2},
               {"", "pins/unpinned-action", 30, 8, 22, 0, 2}};
  const char* weeks[] = {"2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28",
                         "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26",
                         "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"};
  for (int i = 0; i < 12; ++i) {
    m.trend.push_back(
        {weeks[i], 12 - i / 2, 3 + i % 3, 4 - i % 2, 2 + i / 4, 30 + i, i == 5 ? 0 : 3 - i % 3});
  }
  m.trend[7].runs = 0;  // a week without runs: no block rate
  m.trend[7].blocked_runs = 0;
  m.worst_repositories = {
      {"github.com/acme/payments", 2, 0, 0, 0, 0, 0, "2026-11-30"},
      {"github.com/acme/web", 0, 1, 0, 0, 0, 1, "2026-11-29"},
      {"gitlab.com/acme/infra", 0, 0, 1, 0, 0, 0, "2026-11-28"},
  };
  return m;
}

// A ledger without any run.
inline ledger::Metrics EmptyMetrics() { return ledger::Metrics{}; }

// A string using every character the formats escape: HTML, Markdown, CSV and OpenMetrics.
inline const std::string kHostile = "<script>alert('x')</script> & \"q\" | `t` \\ =cmd,\nnext";

}  // namespace riskgate::dashboard::testing
