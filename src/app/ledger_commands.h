// `riskgate ledger ingest` records riskgate's JSON reports (check, history, merge, waivers,
// threat-model status; files or folders of CI artifacts) in a SQLite ledger; `riskgate
// dashboard` turns the ledger into the security program's numbers (docs/metrics.md) as HTML,
// Markdown, JSON, CSV or OpenMetrics.
#pragma once

#include <string>
#include <vector>

namespace riskgate::app {

inline constexpr const char* kDefaultLedger = "riskgate-ledger.sqlite";

struct LedgerIngestOptions {
  std::string db = kDefaultLedger;
  std::string repository;  // for reports that name none
  std::vector<std::string> inputs;
};

struct DashboardOptions {
  std::string db = kDefaultLedger;
  std::string format = "html";
  std::string output = "-";
};

int RunLedgerIngest(const LedgerIngestOptions& options);
// Prints the ledger's schema as one SQL script (for PostgreSQL: docs/ledger.md).
int RunLedgerSchema();
int RunDashboard(const DashboardOptions& options);

}  // namespace riskgate::app
