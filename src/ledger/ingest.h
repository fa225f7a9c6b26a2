// Ledger: records reports in the database. Input: reports already read and validated
// (ledger_report.h) with the SHA-256 of their bytes; output: rows, one transaction per report,
// so a failure leaves the database as it was. A report whose bytes were recorded before, or
// another copy of the same run (same kind, repository, change, commit and time), changes nothing
// (ingest is idempotent).
#pragma once

#include <string>

#include "core/error.h"
#include "ledger/ledger_report.h"
#include "ledger/sqlite_db.h"

namespace riskgate::ledger {

enum class IngestOutcome { kAdded, kAlreadyPresent };

// `source`: where the report was read from (kept for the first ingest only); `now`: Unix seconds.
core::Result<IngestOutcome> Ingest(SqliteDb& db, const LedgerReport& report,
                                   const std::string& digest, const std::string& source,
                                   long long now);

// Opens (creating when missing) and migrates the ledger at `path`, tuned for ingest: WAL
// journal, synchronous=NORMAL (a commit is durable against a crash of riskgate; the reports
// are the source of truth and can be ingested again after a power loss).
core::Result<std::unique_ptr<SqliteDb>> OpenLedger(const std::string& path, OpenMode mode);

}  // namespace riskgate::ledger
