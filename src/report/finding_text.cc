#include "report/finding_text.h"

#include <algorithm>

namespace riskgate::report {

const core::Remediation* FindRemedy(const core::JudgedFinding& finding, core::RemedyKind kind) {
  for (const auto& remedy : finding.remediation) {
    if (remedy.kind == kind) return &remedy;
  }
  return nullptr;
}

std::string Headline(const core::JudgedFinding& finding) {
  std::string out = finding.message;
  if (!finding.secret.empty()) out += ": " + finding.secret;
  return out;
}

std::string HeadlineWithFix(const core::JudgedFinding& finding) {
  std::string out = Headline(finding);
  if (const auto* fix = FindRemedy(finding, core::RemedyKind::kFix); fix && !fix->summary.empty()) {
    out += " Fix: " + fix->summary;
    if (out.back() != '.') out += '.';
  }
  return out;
}

int DisplayLine(const core::Location& location) { return std::max(1, location.line); }

int DisplayColumn(const core::Location& location) { return std::max(1, location.column); }

std::string PathLine(const core::JudgedFinding& finding) {
  return finding.location.path + ":" + std::to_string(DisplayLine(finding.location));
}

std::string OmittedNote(const decide::Summary& summary) {
  if (summary.omitted == 0) return "";
  std::string note = std::to_string(summary.omitted) + " more finding(s) not listed (";
  if (!summary.capped_paths.empty()) {
    note += "limits.max_findings_per_file reached in";
    const std::size_t shown = std::min<std::size_t>(summary.capped_paths.size(), 5);
    for (std::size_t i = 0; i < shown; ++i) note += (i ? ", " : " ") + summary.capped_paths[i];
    if (shown < summary.capped_paths.size()) {
      note += " and " + std::to_string(summary.capped_paths.size() - shown) + " more files";
    }
    if (summary.run_cap_reached) note += "; ";
  }
  if (summary.run_cap_reached) note += "limits.max_findings reached";
  return note + "); they are counted above and still decide";
}

std::string WaiverNote(const core::JudgedFinding& finding) {
  if (finding.waiver) {
    const auto& w = *finding.waiver;
    const std::string who = " (owner " + w.owner + ", approved by " + w.approver + ")";
    switch (w.status) {
      case core::WaiverStatus::kActive:
        return "waived by " + w.id + " until " + w.expires + who;
      case core::WaiverStatus::kExpiring:
        return "waived by " + w.id + " until " + w.expires + ", which is soon" + who;
      case core::WaiverStatus::kExpired:
        return "waiver " + w.id + " expired on " + w.expires + who + "; it no longer applies";
      case core::WaiverStatus::kUnauthorized:
        return "waiver " + w.id + " does not apply: " + w.approver +
               " has no authority for this severity";
      case core::WaiverStatus::kTooLong:
        return "waiver " + w.id + " does not apply: it lasts longer than the policy allows";
      case core::WaiverStatus::kNotYetValid:
        return "waiver " + w.id + " does not apply: its `created` date is in the future";
    }
  }
  if (finding.baselined) return "in the baseline: accepted when riskgate was adopted";
  return "";
}

}  // namespace riskgate::report
