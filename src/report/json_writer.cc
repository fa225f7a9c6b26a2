// The JSON report: a contract CI scripts parse. Fields are only ever added, never renamed.
#include <nlohmann/json.hpp>

#include "report/history_json.h"
#include "report/report.h"

namespace riskgate::report {
namespace {

using json = nlohmann::ordered_json;

json OptionalString(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json FindingJson(const core::Finding& f) {
  json remediation = json::array();
  for (const auto& r : f.remediation) {
    remediation.push_back(
        {{"kind", core::RemedyKindName(r.kind)}, {"summary", r.summary}, {"detail", r.detail}});
  }
  json out = {
      {"control", f.control},
      {"rule", f.rule},
      {"severity", core::SeverityName(f.severity)},
      {"decision", core::DecisionName(f.decision)},
      {"message", f.message},
      {"path", f.location.path},
      {"line", f.location.line},
      {"column", f.location.column},
      {"commit", OptionalString(f.location.commit)},
      {"fingerprint", f.fingerprint},
      {"secret", f.secret.empty() ? json(nullptr) : json(f.secret)},
      {"occurrences", f.occurrences},
      {"in_change", f.in_change},
      {"remediation", remediation},
  };
  if (!f.hints.provider.empty()) out["provider"] = f.hints.provider;
  out["waiver"] = nullptr;
  if (f.waiver) {
    const auto& w = *f.waiver;
    out["waiver"] = {{"id", w.id},
                     {"status", core::WaiverStatusName(w.status)},
                     {"expires", w.expires},
                     {"owner", w.owner},
                     {"approver", w.approver},
                     {"reason", w.reason},
                     {"file", w.file},
                     {"line", w.line}};
  }
  out["baselined"] = f.baselined;
  if (f.history) out["history"] = HistoryJson(f);
  return out;
}

}  // namespace

std::string WriteJson(const ReportInput& input) {
  const auto& scope = input.scope;
  json skipped = json::array();
  for (const auto& s : scope.skipped) {
    skipped.push_back({{"path", s.path},
                       {"reason", core::SkipReasonName(s.reason)},
                       {"commit", OptionalString(s.commit)}});
  }
  json findings = json::array();
  for (const auto& f : input.verdict.findings) findings.push_back(FindingJson(f));
  const auto& summary = input.verdict.summary;
  json doc = {
      {"tool", {{"name", kToolName}, {"version", ToolVersion()}}},
      {"decision", core::DecisionName(input.verdict.decision)},
      {"dry_run", input.dry_run},
      {"policy",
       {{"source", input.policy.origin},
        {"sha256", input.policy.sha256},
        {"revision", input.policy.revision.empty() ? json(nullptr) : json(input.policy.revision)},
        {"extends", input.policy.extends}}},
      {"scope",
       {{"mode", core::ScanModeName(scope.mode)},
        {"description", scope.description},
        {"base", OptionalString(scope.base)},
        {"head", OptionalString(scope.head)},
        {"commits", scope.commits},
        {"files_scanned", scope.files_scanned},
        {"files_skipped", static_cast<int>(scope.skipped.size())},
        {"skipped", skipped}}},
      {"findings", findings},
      {"summary",
       {{"total", summary.total},
        {"block", summary.block},
        {"warn", summary.warn},
        {"pass", summary.pass},
        {"suppressed_inline", summary.suppressed_inline},
        {"inline_ignored", summary.inline_ignored},
        {"preexisting", summary.preexisting},
        {"waived", summary.waived},
        {"baselined", summary.baselined},
        {"omitted", summary.omitted},
        {"capped_paths", summary.capped_paths},
        {"run_cap_reached", summary.run_cap_reached}}},
  };
  if (scope.history) doc["scope"]["history"] = HistoryScopeJson(*scope.history);
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace riskgate::report
