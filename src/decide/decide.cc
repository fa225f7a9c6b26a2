#include "decide/decide.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "decide/merge.h"
#include "decide/remediation.h"

namespace riskgate::decide {

namespace {

// Keeps the first (worst) findings up to the caps and counts the rest; `findings` is sorted.
std::vector<core::JudgedFinding> ApplyCaps(std::vector<core::JudgedFinding> findings,
                                           const policy::Limits& limits, Summary& summary) {
  std::map<std::string, int> per_path;
  std::vector<core::JudgedFinding> kept;
  for (auto& finding : findings) {
    int& count = per_path[finding.location.path];
    if (count >= limits.max_findings_per_file) {
      if (count == limits.max_findings_per_file)
        summary.capped_paths.push_back(finding.location.path);
      ++count;
      ++summary.omitted;
      continue;
    }
    if (static_cast<int>(kept.size()) >= limits.max_findings) {
      summary.run_cap_reached = true;
      ++summary.omitted;
      continue;
    }
    ++count;
    kept.push_back(std::move(finding));
  }
  return kept;
}

}  // namespace

Verdict Decide(std::vector<core::Finding> evaluated, const policy::Policy& policy,
               const DecideOptions& options) {
  Verdict verdict;
  verdict.summary.suppressed_inline = options.suppressed_inline;
  verdict.summary.inline_ignored = options.inline_ignored;
  std::vector<core::JudgedFinding> findings;
  findings.reserve(evaluated.size());
  for (auto& evaluated_finding : evaluated) {
    if (!evaluated_finding.in_change) ++verdict.summary.preexisting;
    if (!evaluated_finding.in_change && !options.keep_preexisting) continue;
    core::JudgedFinding& finding = findings.emplace_back(std::move(evaluated_finding));
    // Only what the change introduces decides; what was there before is reported as pass.
    finding.decision = !finding.in_change       ? core::Decision::kPass
                       : finding.fixed_decision ? *finding.fixed_decision
                                                : policy.DecisionFor(finding.severity);
    if (finding.decision_cap) finding.decision = std::min(finding.decision, *finding.decision_cap);
  }
  ApplyWaivers(findings, policy, options.waivers);
  for (auto& finding : findings) {
    const bool waived = finding.waiver && (finding.waiver->status == core::WaiverStatus::kActive ||
                                           finding.waiver->status == core::WaiverStatus::kExpiring);
    if (!waived && options.baseline != nullptr && options.baseline->contains(finding.fingerprint)) {
      finding.baselined = true;
      finding.decision = core::Decision::kPass;
    }
    verdict.summary.waived += waived ? 1 : 0;
    verdict.summary.baselined += finding.baselined ? 1 : 0;
    finding.remediation = RemediesFor(finding, policy.waivers, options.waivers.today);
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
  SortFindings(findings);
  verdict.findings = ApplyCaps(std::move(findings), policy.limits, verdict.summary);
  return verdict;
}

}  // namespace riskgate::decide
