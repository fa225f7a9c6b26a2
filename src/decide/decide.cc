#include "decide/decide.h"

#include <algorithm>
#include <tuple>

#include "decide/remediation.h"

namespace riskgate::decide {

int SuggestedWaiverDays(core::Severity severity) {
  switch (severity) {
    case core::Severity::kCritical:
      return 30;
    case core::Severity::kHigh:
      return 90;
    case core::Severity::kMedium:
      return 180;
    case core::Severity::kLow:
    case core::Severity::kInfo:
      return 365;
  }
  return 30;
}

Verdict Decide(std::vector<core::Finding> findings, const policy::Policy& policy,
               const DecideOptions& options) {
  Verdict verdict;
  const auto preexisting = static_cast<int>(
      std::count_if(findings.begin(), findings.end(), [](const auto& f) { return !f.in_change; }));
  verdict.summary.preexisting = preexisting;
  if (!options.keep_preexisting) {
    std::erase_if(findings, [](const core::Finding& f) { return !f.in_change; });
  }
  for (auto& finding : findings) {
    // Only what the change introduces decides; what was there before is reported as pass.
    finding.decision =
        finding.in_change ? policy.DecisionFor(finding.severity) : core::Decision::kPass;
    finding.remediation = RemediesFor(finding);
    verdict.decision = std::max(verdict.decision, finding.decision);
    switch (finding.decision) {
      case core::Decision::kBlock:
        ++verdict.summary.block;
        break;
      case core::Decision::kWarn:
        ++verdict.summary.warn;
        break;
      case core::Decision::kPass:
        ++verdict.summary.pass;
        break;
    }
  }
  verdict.summary.total = static_cast<int>(findings.size());
  std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(-static_cast<int>(a.decision), -static_cast<int>(a.severity),
                           std::cref(a.location.path), a.location.line) <
           std::make_tuple(-static_cast<int>(b.decision), -static_cast<int>(b.severity),
                           std::cref(b.location.path), b.location.line);
  });
  verdict.findings = std::move(findings);
  return verdict;
}

}  // namespace riskgate::decide
