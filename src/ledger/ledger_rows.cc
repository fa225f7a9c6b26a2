#include "ledger/ledger_rows.h"

#include <unordered_map>

namespace riskgate::ledger {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const auto comma = text.find(',', start);
    out.push_back(
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

core::Result<LedgerRows> LoadRows(SqliteDb& db) {
  LedgerRows rows;
  std::unordered_map<std::int64_t, std::size_t> index;
  auto reports = db.Run(
      "SELECT id, kind, repository, change_ref, commit_id, run_time, decision, scope_mode, "
      "controls FROM reports ORDER BY run_time, id",
      {}, [&](const Row& r) {
        ReportRow report;
        report.id = r.Integer(0);
        report.kind = r.Text(1);
        report.repository = r.Text(2);
        report.change = r.Text(3);
        report.commit = r.Text(4);
        report.time = r.Integer(5);
        report.decision = r.Text(6);
        report.scope_mode = r.Text(7);
        if (!r.IsNull(8)) report.controls = Split(r.Text(8));
        index.emplace(report.id, rows.reports.size());
        rows.reports.push_back(std::move(report));
      });
  if (!reports) return tl::unexpected(reports.error());
  auto findings = db.Run(
      "SELECT f.report_id, f.control, f.rule, f.severity, f.decision, f.path, f.fingerprint, "
      "f.waiver_id, f.waiver_status, f.waiver_owner, f.waiver_expires, f.component, f.tier, "
      "f.introduced, f.present_at_head FROM findings f JOIN reports r ON r.id = f.report_id "
      "ORDER BY r.run_time, r.id, f.ordinal",
      {}, [&](const Row& r) {
        FindingRow f;
        f.report = index.at(r.Integer(0));
        f.control = r.Text(1);
        f.rule = r.Text(2);
        f.severity = r.Text(3);
        f.decision = r.Text(4);
        f.path = r.Text(5);
        f.fingerprint = r.Text(6);
        f.waiver_id = r.Text(7);
        f.waiver_status = r.Text(8);
        f.waiver_owner = r.Text(9);
        f.waiver_expires = r.Text(10);
        f.component = r.Text(11);
        f.tier = r.Text(12);
        if (!r.IsNull(13)) f.introduced = r.Integer(13);
        if (!r.IsNull(14)) f.present_at_head = r.Integer(14) != 0;
        rows.findings.push_back(std::move(f));
      });
  if (!findings) return tl::unexpected(findings.error());
  auto waivers = db.Run(
      "SELECT report_id, waiver_id, status, severity, owner, approver, created, expires FROM "
      "waivers ORDER BY report_id, ordinal",
      {}, [&](const Row& r) {
        rows.waivers.push_back(WaiverRow{index.at(r.Integer(0)), r.Text(1), r.Text(2), r.Text(3),
                                         r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
      });
  if (!waivers) return tl::unexpected(waivers.error());
  auto components = db.Run(
      "SELECT report_id, name, tier, owners, present, complete, fresh FROM components ORDER BY "
      "report_id, ordinal",
      {}, [&](const Row& r) {
        rows.components.push_back(ComponentRow{index.at(r.Integer(0)), r.Text(1), r.Text(2),
                                               r.Text(3), r.Integer(4) != 0, r.Integer(5) != 0,
                                               r.Integer(6) != 0});
      });
  if (!components) return tl::unexpected(components.error());
  auto defaults = db.Run(
      "SELECT report_id, workflows, workflows_with_permissions, uses, uses_pinned, images, "
      "images_pinned FROM secure_defaults ORDER BY report_id",
      {}, [&](const Row& r) {
        core::SecureDefaults d;
        d.workflows = static_cast<int>(r.Integer(1));
        d.workflows_with_permissions = static_cast<int>(r.Integer(2));
        d.uses = static_cast<int>(r.Integer(3));
        d.uses_pinned = static_cast<int>(r.Integer(4));
        d.images = static_cast<int>(r.Integer(5));
        d.images_pinned = static_cast<int>(r.Integer(6));
        rows.defaults.push_back(DefaultsRow{index.at(r.Integer(0)), d});
      });
  if (!defaults) return tl::unexpected(defaults.error());
  return rows;
}

}  // namespace riskgate::ledger
