// Ledger: the database's schema and its migrations. Plain SQL that SQLite and PostgreSQL both
// accept (BIGINT keys the ingest assigns, TEXT, SMALLINT booleans, no AUTOINCREMENT, no
// WITHOUT ROWID); docs/ledger.md says how to point the same schema at PostgreSQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/sqlite_db.h"

namespace riskgate::ledger {

// Migration N (1-based) takes a database at version N-1 to version N.
const std::vector<std::string_view>& Migrations();
inline int SchemaVersion() { return static_cast<int>(Migrations().size()); }

// Brings the database to SchemaVersion(), each migration in its own transaction; an error for
// a database a newer riskgate wrote, or a file that is not a ledger.
core::Result<void> Migrate(SqliteDb& db);

// Every migration as one SQL script for another database (PostgreSQL: docs/ledger.md), with
// the `ledger_schema` table and its version row.
std::string SchemaScript();

// The version a database is at (0: empty), or an error when it is not a ledger.
core::Result<int> VersionOf(SqliteDb& db);

}  // namespace riskgate::ledger
