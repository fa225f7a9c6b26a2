// Ledger: the rows the metrics are computed from, read out of the database in one pass.
// Input: an open ledger; output: plain values sorted by run time (then report id). The
// computation (compute_metrics.h) never touches the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/scope.h"
#include "ledger/sqlite_db.h"

namespace riskgate::ledger {

struct ReportRow {
  std::int64_t id = 0;
  std::string kind;  // check, history, waivers, threat-model-status
  std::string repository;
  std::string change;
  std::string commit;
  long long time = 0;
  std::string decision;
  std::string scope_mode;
  std::optional<std::vector<std::string>> controls;
};

struct FindingRow {
  std::size_t report = 0;  // index into LedgerRows::reports
  std::string control;
  std::string rule;
  std::string severity;
  std::string decision;
  std::string path;
  std::string fingerprint;
  std::string waiver_id;
  std::string waiver_status;
  std::string waiver_owner;
  std::string waiver_expires;
  std::string component;
  std::string tier;
  std::optional<long long> introduced;
  std::optional<bool> present_at_head;
};

struct WaiverRow {
  std::size_t report = 0;
  std::string id;
  std::string status;
  std::string severity;
  std::string owner;
  std::string approver;
  std::string created;
  std::string expires;
};

struct ComponentRow {
  std::size_t report = 0;
  std::string name;
  std::string tier;
  std::string owners;
  bool present = false;
  bool complete = false;
  bool fresh = false;
};

struct DefaultsRow {
  std::size_t report = 0;
  core::SecureDefaults counts;
};

struct LedgerRows {
  std::vector<ReportRow> reports;    // by run time, then id
  std::vector<FindingRow> findings;  // by report
  std::vector<WaiverRow> waivers;
  std::vector<ComponentRow> components;
  std::vector<DefaultsRow> defaults;
};

core::Result<LedgerRows> LoadRows(SqliteDb& db);

}  // namespace riskgate::ledger
