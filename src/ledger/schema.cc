#include "ledger/schema.h"

#include <string>

namespace riskgate::ledger {

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> migrations = {
      // 1: runs and what they found, the risk register, threat-model status, secure defaults.
      R"sql(
CREATE TABLE reports (
  id BIGINT PRIMARY KEY,
  digest TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('check', 'history', 'waivers', 'threat-model-status')),
  repository TEXT NOT NULL,
  change_ref TEXT NOT NULL,
  event TEXT NOT NULL,
  ci SMALLINT NOT NULL,
  run_time BIGINT NOT NULL,
  commit_id TEXT NOT NULL,
  policy_source TEXT NOT NULL,
  policy_sha256 TEXT NOT NULL,
  decision TEXT,
  scope_mode TEXT,
  controls TEXT,
  source TEXT NOT NULL,
  ingested_at BIGINT NOT NULL
);
CREATE INDEX reports_by_repository ON reports (repository, kind, run_time);
CREATE UNIQUE INDEX reports_by_run ON reports (kind, repository, change_ref, commit_id, run_time);
CREATE TABLE findings (
  report_id BIGINT NOT NULL REFERENCES reports (id),
  ordinal INTEGER NOT NULL,
  control TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  decision TEXT NOT NULL,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  in_change SMALLINT NOT NULL,
  baselined SMALLINT NOT NULL,
  waiver_id TEXT,
  waiver_status TEXT,
  waiver_owner TEXT,
  waiver_expires TEXT,
  component TEXT,
  tier TEXT,
  introduced BIGINT,
  present_at_head SMALLINT,
  PRIMARY KEY (report_id, ordinal)
);
CREATE TABLE waivers (
  report_id BIGINT NOT NULL REFERENCES reports (id),
  ordinal INTEGER NOT NULL,
  waiver_id TEXT NOT NULL,
  status TEXT NOT NULL,
  severity TEXT,
  owner TEXT NOT NULL,
  approver TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL,
  findings INTEGER NOT NULL,
  covers TEXT NOT NULL,
  ticket TEXT NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);
CREATE TABLE components (
  report_id BIGINT NOT NULL REFERENCES reports (id),
  ordinal INTEGER NOT NULL,
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  owners TEXT NOT NULL,
  usable SMALLINT NOT NULL,
  present SMALLINT NOT NULL,
  complete SMALLINT NOT NULL,
  fresh SMALLINT NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);
CREATE TABLE secure_defaults (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id),
  workflows INTEGER NOT NULL,
  workflows_with_permissions INTEGER NOT NULL,
  uses INTEGER NOT NULL,
  uses_pinned INTEGER NOT NULL,
  images INTEGER NOT NULL,
  images_pinned INTEGER NOT NULL
);
)sql",
  };
  return migrations;
}

std::string SchemaScript() {
  std::string out = "-- riskgate ledger schema, version " + std::to_string(SchemaVersion()) +
                    "\nCREATE TABLE ledger_schema (version INTEGER NOT NULL);\n"
                    "INSERT INTO ledger_schema (version) VALUES (0);\n";
  for (std::size_t i = 0; i < Migrations().size(); ++i) {
    out += "-- migration " + std::to_string(i + 1) + std::string(Migrations()[i]);
    out += "UPDATE ledger_schema SET version = " + std::to_string(i + 1) + ";\n";
  }
  return out;
}

core::Result<int> VersionOf(SqliteDb& db) {
  auto table =
      db.First("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ledger_schema'");
  if (!table) return tl::unexpected(table.error());
  if (!*table) {
    auto any = db.First("SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!any) return tl::unexpected(any.error());
    if (*any) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "not a riskgate ledger: it has tables but no ledger_schema",
                             db.Path());
    }
    return 0;
  }
  auto row = db.First("SELECT version FROM ledger_schema");
  if (!row) return tl::unexpected(row.error());
  return *row ? static_cast<int>((*row)->Integer(0)) : 0;
}

core::Result<void> Migrate(SqliteDb& db) {
  // Each step reads the version inside its own write transaction, so two first ingests into one
  // new file cannot both create the schema.
  for (;;) {
    bool done = false;
    auto step = InTransaction(db, [&]() -> core::Result<void> {
      auto version = VersionOf(db);
      if (!version) return tl::unexpected(version.error());
      if (*version > SchemaVersion()) {
        return core::MakeError(core::ErrorCode::kUsage,
                               "the ledger is at schema version " + std::to_string(*version) +
                                   ", written by a newer riskgate; this one knows up to version " +
                                   std::to_string(SchemaVersion()),
                               db.Path());
      }
      if (*version == SchemaVersion()) {
        done = true;
        return {};
      }
      const int next = *version + 1;
      if (next == 1) {
        if (auto made = db.Script("CREATE TABLE ledger_schema (version INTEGER NOT NULL)"); !made) {
          return made;
        }
        if (auto row = db.Run("INSERT INTO ledger_schema (version) VALUES (0)"); !row) return row;
      }
      if (auto migrated = db.Script(Migrations()[static_cast<std::size_t>(next - 1)]); !migrated) {
        return migrated;
      }
      return db.Run("UPDATE ledger_schema SET version = ?1", {std::int64_t{next}});
    });
    if (!step) return step;
    if (done) return {};
  }
}

}  // namespace riskgate::ledger
