#include "decide/merge.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace riskgate::decide {
namespace {

bool Same(const core::Sighting& a, const core::Sighting& b) {
  return std::tie(a.commit, a.path, a.line, a.column) ==
         std::tie(b.commit, b.path, b.line, b.column);
}

const core::Sighting* Introduction(const core::JudgedFinding& f) {
  return f.history ? core::Introduction(*f.history) : nullptr;
}

// `into` absorbs `other`, a report of the same secret from another shard.
void Absorb(core::JudgedFinding& into, core::JudgedFinding other) {
  const core::Sighting* mine = Introduction(into);
  const core::Sighting* theirs = Introduction(other);
  const bool theirs_first =
      theirs != nullptr && (mine == nullptr || core::IntroducesBefore(*theirs, *mine));
  core::HistoryTrail trail = *into.history;
  for (auto& s : other.history->sightings) trail.sightings.push_back(std::move(s));
  trail.present_at_head = trail.present_at_head || other.history->present_at_head;
  if (theirs_first) into = std::move(other);
  std::sort(trail.sightings.begin(), trail.sightings.end(), core::SightingEarlier);
  trail.sightings.erase(std::unique(trail.sightings.begin(), trail.sightings.end(), Same),
                        trail.sightings.end());
  into.occurrences = static_cast<int>(trail.sightings.size());
  into.history = std::move(trail);
}

}  // namespace

void SortFindings(std::vector<core::JudgedFinding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(-static_cast<int>(a.decision), -static_cast<int>(a.severity),
                           std::cref(a.location.path), a.location.line) <
           std::make_tuple(-static_cast<int>(b.decision), -static_cast<int>(b.severity),
                           std::cref(b.location.path), b.location.line);
  });
}

Verdict MergeVerdicts(std::vector<Verdict> verdicts) {
  Verdict out;
  // Keyed as the audit groups them, so a merge lists findings in the order one run would.
  std::map<std::string, core::JudgedFinding> by_id;
  std::vector<core::JudgedFinding> others;  // findings without a history trail
  for (auto& verdict : verdicts) {
    // The merged findings decide (a shard's copy may be waived at another path); a shard's own
    // decision counts only for the findings it omitted.
    if (verdict.summary.omitted > 0) out.decision = std::max(out.decision, verdict.decision);
    out.summary.omitted += verdict.summary.omitted;
    out.summary.suppressed_inline += verdict.summary.suppressed_inline;
    out.summary.inline_ignored += verdict.summary.inline_ignored;
    for (auto& finding : verdict.findings) {
      if (!finding.history) {
        others.push_back(std::move(finding));
        continue;
      }
      auto [it, added] = by_id.try_emplace(finding.content_id, finding);
      if (!added) Absorb(it->second, std::move(finding));
    }
  }
  for (auto& [id, finding] : by_id) out.findings.push_back(std::move(finding));
  for (auto& finding : others) out.findings.push_back(std::move(finding));
  for (const auto& f : out.findings) {
    out.decision = std::max(out.decision, f.decision);
    const bool waived = f.waiver && (f.waiver->status == core::WaiverStatus::kActive ||
                                     f.waiver->status == core::WaiverStatus::kExpiring);
    out.summary.waived += waived ? 1 : 0;
    out.summary.baselined += f.baselined ? 1 : 0;
    out.summary.block += f.decision == core::Decision::kBlock ? 1 : 0;
    out.summary.warn += f.decision == core::Decision::kWarn ? 1 : 0;
    out.summary.pass += f.decision == core::Decision::kPass ? 1 : 0;
  }
  out.summary.total = static_cast<int>(out.findings.size());
  SortFindings(out.findings);
  return out;
}

}  // namespace riskgate::decide
