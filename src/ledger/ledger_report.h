// Ledger: one riskgate report as the ledger records it. Input: the text of a JSON document from
// anywhere (CI artifacts: untrusted); output: its kind, where and when it ran, and the rows the
// metrics need, or an error naming the file and the field. Every string of the document is
// checked for secrets (reports are redacted; one that is not is refused, never stored) and
// bounded in length; numbers, enumerations, times and duplicate ids are validated. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/scope.h"

namespace riskgate::ledger {

// History covers the reports `riskgate merge` joins from shards (a shard alone is refused: it
// lists only part of the findings, and the rest would look remediated).
enum class ReportKind { kCheck, kHistory, kWaivers, kThreatModelStatus };
std::string_view ReportKindName(ReportKind kind);  // check, history, waivers, threat-model-status

struct LedgerFinding {
  std::string control;
  std::string rule;
  std::string severity;  // info .. critical
  std::string decision;  // pass, warn, block
  std::string path;
  int line = 0;
  std::string fingerprint;
  bool in_change = true;
  bool baselined = false;
  std::string waiver_id;  // empty when no waiver names it
  std::string waiver_status;
  std::string waiver_owner;
  std::string waiver_expires;
  std::string component;  // threat-model findings
  std::string tier;
  std::optional<long long> introduced;  // history: the introducing commit's time
  std::optional<bool> present_at_head;  // history
};

struct LedgerWaiver {
  std::string id;
  std::string status;
  std::string severity;  // empty when it covers nothing
  std::string owner;
  std::string approver;
  std::string created;  // YYYY-MM-DD
  std::string expires;
  int findings = 0;
  std::string covers;
  std::string ticket;
};

struct LedgerComponent {
  std::string name;
  std::string tier;
  std::string owners;  // comma-separated
  bool usable = false;
  bool present = false;
  bool complete = false;
  bool fresh = false;
};

struct LedgerReport {
  ReportKind kind = ReportKind::kCheck;
  core::RunIdentity run;
  std::string commit;  // the judged head, or HEAD for registers and statuses
  std::string policy_source;
  std::string policy_sha256;
  std::string decision;    // check and history reports
  std::string scope_mode;  // staged, range, worktree, history
  std::optional<std::vector<std::string>> controls_on;
  std::optional<core::SecureDefaults> secure_defaults;
  std::vector<LedgerFinding> findings;
  std::vector<LedgerWaiver> waivers;
  std::vector<LedgerComponent> components;
};

inline constexpr std::size_t kMaxReportBytes = std::size_t{128} << 20;

// `now`: the time of the ingest (Unix seconds); a run or commit dated more than a day after it
// is refused. `repository`: used when the report names none (reports written before the "run"
// object, or runs outside CI without an origin remote); a report that names one keeps its own.
// nullopt when the text is JSON but not a riskgate document (a folder of CI artifacts holds
// other files too); an error for a riskgate document that is malformed or holds a secret.
core::Result<std::optional<LedgerReport>> ReadLedgerReport(std::string_view text,
                                                           const std::string& name,
                                                           const std::string& repository,
                                                           long long now);

}  // namespace riskgate::ledger
