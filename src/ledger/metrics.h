// Ledger (above report): the security program's numbers, computed from the runs a ledger holds
// (docs/metrics.md defines each one). Input: the ledger's rows and "now"; output: this plain
// value, which every dashboard format (dashboard.h) renders and nothing patches afterwards.
// Every string in it comes from riskgate's own, already redacted reports: writers escape it for
// their format, nothing else. Days are whole or fractional days (86,400 s).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::ledger {

// Severities as every Metrics string spells them, worst first.
inline constexpr std::array<std::string_view, 5> kSeverityNames = {"critical", "high", "medium",
                                                                   "low", "info"};

// Median and 90th percentile (nearest rank) of a set of durations in days; absent when empty.
struct Spread {
  int count = 0;
  std::optional<double> median_days;
  std::optional<double> p90_days;
};

// Time to remediate for one severity, over all controls (control "") or one control.
struct RemediationRow {
  std::string severity;  // critical, high, medium, low, info
  std::string control;   // "" for every control together
  Spread remediated;     // first sighting -> gone, for findings that are gone
  Spread open_age;       // first sighting -> now, for findings still open (accepted ones too)
};

// One open risk of the register: a finding still present in its repository's latest evidence.
struct OpenRisk {
  std::string repository;
  std::string control;
  std::string rule;
  std::string severity;
  std::string path;         // may be empty (findings about a change, not a file)
  std::string fingerprint;  // riskgate's redacted fingerprint: never the secret
  std::string first_seen;   // YYYY-MM-DD
  double age_days = 0;
  std::string owner;   // the waiver's owner when accepted, else the component's (may be empty)
  std::string status;  // "open" or "accepted" (a waiver covers it)
  std::string waiver_id;
  std::string expires;  // the waiver's expiry, YYYY-MM-DD, when accepted
};

// One waiver as the latest register of its repository lists it.
struct Exception {
  std::string repository;
  std::string id;
  std::string owner;
  std::string approver;
  std::string severity;  // of the worst finding it covers; empty when it covers none
  std::string status;    // active, expiring, expired, unauthorized, too_long, not_yet_valid,
                         // unused, orphaned
  std::string created;   // YYYY-MM-DD
  std::string expires;   // YYYY-MM-DD
  int age_days = 0;      // now - created
  int days_left = 0;     // expires - now (negative once expired)
  int renewals = 0;      // times the same waiver id was seen with a later expiry
};

struct Count {
  std::string name;
  int value = 0;
};

struct ExceptionAging {
  int total = 0;
  int expired = 0;
  int expiring = 0;      // expires within the policy's warning window (status "expiring")
  int orphaned = 0;      // covers no finding
  int unauthorized = 0;  // approver lacks the authority the policy requires
  int renewed_more_than_once = 0;
  std::vector<Count> by_age;             // buckets "0-30", "31-90", "91-180", "181+" (days)
  std::vector<Count> by_days_to_expiry;  // "expired", "0-7", "8-30", "31-90", "91+"
  std::vector<Count> by_severity;        // severity name (or "none") -> waivers
  std::vector<Count> by_owner;           // owner -> waivers, most first
  std::vector<Exception> oldest;         // every waiver, oldest first (writers may cut)
};

// One component of a repository's latest threat-model status.
struct ComponentCoverage {
  std::string repository;
  std::string component;
  std::string tier;
  bool present = false;   // some model file exists
  bool complete = false;  // no missing parts
  bool fresh = false;     // not older than the component's code
  bool covered = false;   // present, complete and fresh
};

// A change to a high-tier component that went through without a usable model.
struct UncoveredChange {
  std::string repository;
  std::string commit;
  std::string component;
  std::string date;      // YYYY-MM-DD of the run
  std::string decision;  // the run's decision for the finding: warn or pass (waived)
};

struct ThreatModelCoverage {
  int high_tier_total = 0;
  int high_tier_covered = 0;
  std::optional<double> share;  // covered / total, absent when there is no high-tier component
  std::vector<ComponentCoverage> components;  // high-tier ones, every repository
  std::vector<UncoveredChange> changes_without_model;
};

// Secure defaults of one repository, from its latest report that counted them.
struct Adoption {
  std::string repository;
  int uses_total = 0;
  int uses_pinned = 0;  // to a full commit SHA
  int workflows_total = 0;
  int workflows_with_permissions = 0;  // top-level permissions:
  int images_total = 0;
  int images_pinned = 0;  // by digest
  bool reviews_on = false;
};

struct AdoptionSummary {
  std::optional<double> uses_pinned_share;
  std::optional<double> workflows_with_permissions_share;
  std::optional<double> repositories_with_reviews_share;
  std::optional<double> images_pinned_share;
  std::vector<Adoption> repositories;
};

// Gate decisions of check runs, for one repository or one rule.
struct FrictionRow {
  std::string repository;  // empty in a per-rule row
  std::string rule;        // empty in a per-repository row ("control/rule" otherwise)
  int runs = 0;            // per repository: check runs; per rule: runs with a finding of it
  int block = 0;
  int warn = 0;
  int pass = 0;
  int later_waived = 0;  // blocked findings a later run of the same change shows waived
};

struct GateFriction {
  int runs = 0;
  int block = 0;
  int warn = 0;
  int pass = 0;
  int blocks_later_waived = 0;
  Spread time_blocked;  // per change: first blocking run -> first later run that did not block
  int changes_still_blocked = 0;
  std::vector<FrictionRow> by_repository;  // most blocks first
  std::vector<FrictionRow> by_rule;        // most blocks first
};

// One week of the trend lines (weeks start on Monday, UTC).
struct TrendPoint {
  std::string week;        // YYYY-MM-DD of the Monday
  int open_findings = 0;   // open at the end of the week
  int opened = 0;          // first sighted during the week
  int remediated = 0;      // gone during the week
  int active_waivers = 0;  // waivers listed and not expired at the end of the week
  int runs = 0;            // check runs during the week
  int blocked_runs = 0;
};

// A repository ranked by its open risks (critical first, then high, ...).
struct RepositoryRisk {
  std::string repository;
  int critical = 0;
  int high = 0;
  int medium = 0;
  int low = 0;
  int info = 0;
  int expired_waivers = 0;
  std::string last_run;  // YYYY-MM-DD
};

struct Metrics {
  std::string now;  // YYYY-MM-DD the figures are computed for
  int repositories = 0;
  int reports = 0;
  std::string first_run;  // YYYY-MM-DD, empty without runs
  std::string last_run;
  std::vector<RemediationRow> remediation;  // every severity, then per control
  std::vector<OpenRisk> open_risks;         // worst first, then oldest
  ExceptionAging exceptions;
  ThreatModelCoverage threat_models;
  AdoptionSummary adoption;
  GateFriction friction;
  std::vector<TrendPoint> trend;  // oldest first, up to 26 weeks ending with now's week
  std::vector<RepositoryRisk> worst_repositories;  // worst first
};

}  // namespace riskgate::ledger
