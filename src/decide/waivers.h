// Stage 4 (decide): applies risk acceptance. Input: findings with their own decisions, the
// policy's waiver rules, the waiver entries and today's date. Output: waived findings marked
// (and passing while the waiver is valid), plus findings about the waivers themselves: expiring
// soon, approved without authority, longer than allowed, orphaned. Pure; no clock, no I/O.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::decide {

inline constexpr std::string_view kWaiverControl = "waivers";

struct WaiverInput {
  const std::vector<policy::Waiver>* waivers = nullptr;
  core::Day today = 0;
  // Orphans (waivers matching nothing) are reported only when the whole tree was judged.
  bool full_scan = false;
};

// Whether `waiver` covers `finding`: every field it gives matches.
bool Covers(const policy::Waiver& waiver, const core::Finding& finding);

// Whether `approver` may accept risks of `severity` under `policy`: named in
// `waivers.approvers`, directly or as a member of a team listed there (members from
// `controls.reviews.teams`).
bool HasAuthority(const policy::Policy& policy, core::Severity severity, std::string_view approver);

// Whether `approver` may accept `finding`: authority for its severity, and, when the finding
// names who may accept it (RemedyHints::acceptors), one of those.
bool MayAccept(const policy::Policy& policy, const core::Finding& finding,
               std::string_view approver);

// The status of `waiver` for `finding` on `today`: unauthorized, not yet valid, too long for
// the severity's `waivers.max_days`, expired, expiring or active. The one rule, used by decide
// and by `riskgate waive` before it writes a waiver.
core::WaiverStatus StatusOf(const policy::Waiver& waiver, const core::Finding& finding,
                            const policy::Policy& policy, core::Day today);

// Marks findings and appends findings about waivers (with their decisions set).
void ApplyWaivers(std::vector<core::JudgedFinding>& findings, const policy::Policy& policy,
                  const WaiverInput& input);

}  // namespace riskgate::decide
