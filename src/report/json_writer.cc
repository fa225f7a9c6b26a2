// The JSON report: a contract CI scripts parse. Fields are only ever added, never renamed.
#include "core/json_out.h"
#include "report/history_json.h"
#include "report/origin.h"
#include "report/report.h"
#include "report/scope_text.h"

namespace riskgate::report {
namespace {

using core::JsonOut;

JsonOut FindingJson(const core::JudgedFinding& f) {
  JsonOut remediation = JsonOut::Array();
  for (const auto& r : f.remediation) {
    remediation.Push(JsonOut::Object(
        {{"kind", core::RemedyKindName(r.kind)}, {"summary", r.summary}, {"detail", r.detail}}));
  }
  JsonOut out = JsonOut::Object({
      {"control", f.control},
      {"rule", f.rule},
      {"severity", core::SeverityName(f.severity)},
      {"decision", core::DecisionName(f.decision)},
      {"message", f.message},
      {"path", f.location.path},
      {"line", f.location.line},
      {"column", f.location.column},
      {"commit", f.location.commit},
      {"fingerprint", f.fingerprint},
      {"secret", f.secret.empty() ? JsonOut(nullptr) : JsonOut(f.secret)},
      {"occurrences", f.occurrences},
      {"in_change", f.in_change},
      {"remediation", std::move(remediation)},
  });
  if (!f.hints.provider.empty()) out.Set("provider", f.hints.provider);
  if (f.confidence) out.Set("confidence", core::ConfidenceName(*f.confidence));
  out.Set("waiver", nullptr);
  if (f.waiver) {
    const auto& w = *f.waiver;
    out.Set("waiver", JsonOut::Object({{"id", w.id},
                                       {"status", core::WaiverStatusName(w.status)},
                                       {"expires", w.expires},
                                       {"owner", w.owner},
                                       {"approver", w.approver},
                                       {"reason", w.reason},
                                       {"file", w.file},
                                       {"line", w.line}}));
  }
  out.Set("baselined", f.baselined);
  if (f.component) {
    out.Set("component",
            JsonOut::Object({{"name", f.component->name}, {"tier", f.component->tier}}));
  }
  if (f.history) out.Set("history", HistoryJson(f));
  return out;
}

}  // namespace

std::string WriteJson(const ReportInput& input) {
  const auto& scope = input.scope;
  JsonOut skipped = JsonOut::Array();
  for (const auto& s : scope.skipped) {
    skipped.Push(JsonOut::Object(
        {{"path", s.path}, {"reason", core::SkipReasonName(s.reason)}, {"commit", s.commit}}));
  }
  JsonOut findings = JsonOut::Array();
  for (const auto& f : input.verdict.findings) findings.Push(FindingJson(f));
  JsonOut scope_json = JsonOut::Object({{"mode", core::ScanModeName(scope.mode)},
                                        {"description", DescribeScope(scope)},
                                        {"base", scope.base},
                                        {"head", scope.head},
                                        {"commits", scope.commits},
                                        {"files_scanned", scope.files_scanned},
                                        {"files_skipped", static_cast<int>(scope.skipped.size())},
                                        {"skipped", std::move(skipped)},
                                        {"empty", core::JudgedNothing(scope)}});
  if (scope.named_files) scope_json.Set("named_files", *scope.named_files);
  if (scope.history) scope_json.Set("history", HistoryScopeJson(*scope.history));
  if (!scope.notes.empty()) scope_json.Set("notes", scope.notes);
  JsonOut policy =
      JsonOut::Object({{"source", input.policy.origin},
                       {"sha256", input.policy.sha256},
                       {"revision", input.policy.revision.empty() ? JsonOut(nullptr)
                                                                  : JsonOut(input.policy.revision)},
                       {"extends", input.policy.extends}});
  if (input.controls_on != nullptr) policy.Set("controls", *input.controls_on);
  const auto& summary = input.verdict.summary;
  JsonOut doc = JsonOut::Object({
      {"tool", JsonOut::Object({{"name", kToolName}, {"version", ToolVersion()}})},
      {"decision", core::DecisionName(input.verdict.decision)},
      {"dry_run", input.dry_run},
      {"run", RunJson(input.run)},
      {"policy", std::move(policy)},
      {"scope", std::move(scope_json)},
      {"findings", std::move(findings)},
      {"summary", JsonOut::Object({{"total", summary.total},
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
                                   {"run_cap_reached", summary.run_cap_reached}})},
  });
  if (input.secure_defaults != nullptr) {
    const auto& d = *input.secure_defaults;
    doc.Set("secure_defaults",
            JsonOut::Object({{"workflows", d.workflows},
                             {"workflows_with_permissions", d.workflows_with_permissions},
                             {"uses", d.uses},
                             {"uses_pinned", d.uses_pinned},
                             {"images", d.images},
                             {"images_pinned", d.images_pinned}}));
  }
  return doc.Dump(2) + "\n";
}

}  // namespace riskgate::report
