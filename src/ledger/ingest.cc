#include "ledger/ingest.h"

#include <filesystem>

#include "ledger/schema.h"

namespace riskgate::ledger {
namespace {

Value Text(const std::string& text) { return text; }
Value OptionalText(const std::string& text) { return text.empty() ? Value{} : Value{text}; }
Value Flag(bool value) { return std::int64_t{value ? 1 : 0}; }
Value Int(long long value) { return std::int64_t{value}; }

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
  return out;
}

core::Result<void> InsertRows(SqliteDb& db, const LedgerReport& report, std::int64_t id) {
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const auto& f = report.findings[i];
    auto done = db.Run(
        "INSERT INTO findings (report_id, ordinal, control, rule, severity, decision, path, line, "
        "fingerprint, in_change, baselined, waiver_id, waiver_status, waiver_owner, "
        "waiver_expires, component, tier, introduced, present_at_head) VALUES (?1, ?2, ?3, ?4, "
        "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        {id, Int(static_cast<long long>(i)), Text(f.control), Text(f.rule), Text(f.severity),
         Text(f.decision), Text(f.path), Int(f.line), Text(f.fingerprint), Flag(f.in_change),
         Flag(f.baselined), OptionalText(f.waiver_id), OptionalText(f.waiver_status),
         OptionalText(f.waiver_owner), OptionalText(f.waiver_expires), OptionalText(f.component),
         OptionalText(f.tier), f.introduced ? Int(*f.introduced) : Value{},
         f.present_at_head ? Flag(*f.present_at_head) : Value{}});
    if (!done) return done;
  }
  for (std::size_t i = 0; i < report.waivers.size(); ++i) {
    const auto& w = report.waivers[i];
    auto done = db.Run(
        "INSERT INTO waivers (report_id, ordinal, waiver_id, status, severity, owner, approver, "
        "created, expires, findings, covers, ticket) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12)",
        {id, Int(static_cast<long long>(i)), Text(w.id), Text(w.status), OptionalText(w.severity),
         Text(w.owner), Text(w.approver), Text(w.created), Text(w.expires), Int(w.findings),
         Text(w.covers), Text(w.ticket)});
    if (!done) return done;
  }
  for (std::size_t i = 0; i < report.components.size(); ++i) {
    const auto& c = report.components[i];
    auto done = db.Run(
        "INSERT INTO components (report_id, ordinal, name, tier, owners, usable, present, "
        "complete, fresh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        {id, Int(static_cast<long long>(i)), Text(c.name), Text(c.tier), Text(c.owners),
         Flag(c.usable), Flag(c.present), Flag(c.complete), Flag(c.fresh)});
    if (!done) return done;
  }
  if (report.secure_defaults) {
    const auto& d = *report.secure_defaults;
    auto done = db.Run(
        "INSERT INTO secure_defaults (report_id, workflows, workflows_with_permissions, uses, "
        "uses_pinned, images, images_pinned) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        {id, Int(d.workflows), Int(d.workflows_with_permissions), Int(d.uses), Int(d.uses_pinned),
         Int(d.images), Int(d.images_pinned)});
    if (!done) return done;
  }
  return {};
}

}  // namespace

core::Result<std::unique_ptr<SqliteDb>> OpenLedger(const std::string& path, OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::kReadOnly && !std::filesystem::is_regular_file(path, ec)) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "no ledger here; record reports first with `riskgate ledger ingest`",
                           path);
  }
  auto db = SqliteDb::Open(path, mode);
  if (!db) return tl::unexpected(db.error());
  // Whether this is a ledger riskgate can use is settled before anything is written to it.
  auto version = VersionOf(**db);
  if (!version) return tl::unexpected(version.error());
  if (*version > SchemaVersion()) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "the ledger is at schema version " + std::to_string(*version) +
                               ", written by a newer riskgate; this one knows up to version " +
                               std::to_string(SchemaVersion()),
                           path);
  }
  if (mode == OpenMode::kReadWrite) {
    if (auto tuned = (*db)->Script("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                   "PRAGMA foreign_keys = ON");
        !tuned) {
      return tl::unexpected(tuned.error());
    }
    if (auto migrated = Migrate(**db); !migrated) return tl::unexpected(migrated.error());
  } else if (*version != SchemaVersion()) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "the ledger is at schema version " + std::to_string(*version) +
                               "; this riskgate reads version " + std::to_string(SchemaVersion()) +
                               " (run `riskgate ledger ingest` once to migrate it)",
                           path);
  }
  return db;
}

core::Result<IngestOutcome> Ingest(SqliteDb& db, const LedgerReport& report,
                                   const std::string& digest, const std::string& source,
                                   long long now) {
  IngestOutcome outcome = IngestOutcome::kAlreadyPresent;
  auto done = InTransaction(db, [&]() -> core::Result<void> {
    // The same bytes, or the same run written again (another indentation, a copy that was
    // edited): one run is one report.
    const auto& run = report.run;
    auto known = db.First(
        "SELECT id FROM reports WHERE digest = ?1 OR (kind = ?2 AND repository = ?3 AND "
        "change_ref = ?4 AND commit_id = ?5 AND run_time = ?6)",
        {digest, std::string(ReportKindName(report.kind)), run.repository, run.change,
         report.commit, Int(run.time)});
    if (!known) return tl::unexpected(known.error());
    if (*known) return {};
    auto next = db.First("SELECT COALESCE(MAX(id), 0) + 1 FROM reports");
    if (!next) return tl::unexpected(next.error());
    const std::int64_t id = (*next)->Integer(0);
    auto inserted = db.Run(
        "INSERT INTO reports (id, digest, kind, repository, change_ref, event, ci, run_time, "
        "commit_id, policy_source, policy_sha256, decision, scope_mode, controls, source, "
        "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        "?16)",
        {id, digest, std::string(ReportKindName(report.kind)), run.repository, run.change,
         run.event, Flag(run.ci), Int(run.time), report.commit, report.policy_source,
         report.policy_sha256, OptionalText(report.decision), OptionalText(report.scope_mode),
         report.controls_on ? Value{Joined(*report.controls_on)} : Value{}, source, Int(now)});
    if (!inserted) return inserted;
    if (auto rows = InsertRows(db, report, id); !rows) return rows;
    outcome = IngestOutcome::kAdded;
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return outcome;
}

}  // namespace riskgate::ledger
