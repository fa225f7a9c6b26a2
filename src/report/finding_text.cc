#include "report/finding_text.h"

#include <algorithm>

namespace riskgate::report {

const core::Remediation* FindRemedy(const core::Finding& finding, core::RemedyKind kind) {
  for (const auto& remedy : finding.remediation) {
    if (remedy.kind == kind) return &remedy;
  }
  return nullptr;
}

std::string Headline(const core::Finding& finding) {
  std::string out = finding.message;
  if (!finding.secret.empty()) out += ": " + finding.secret;
  return out;
}

std::string HeadlineWithFix(const core::Finding& finding) {
  std::string out = Headline(finding);
  if (const auto* fix = FindRemedy(finding, core::RemedyKind::kFix); fix && !fix->summary.empty()) {
    out += " Fix: " + fix->summary;
    if (out.back() != '.') out += '.';
  }
  return out;
}

int DisplayLine(const core::Location& location) { return std::max(1, location.line); }

int DisplayColumn(const core::Location& location) { return std::max(1, location.column); }

std::string PathLine(const core::Finding& finding) {
  return finding.location.path + ":" + std::to_string(DisplayLine(finding.location));
}

}  // namespace riskgate::report
