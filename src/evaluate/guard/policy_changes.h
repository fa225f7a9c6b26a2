// Stage 3 (evaluate): the guard on the policy itself. In range mode the base revision's policy,
// rule packs, waivers and baseline judge the change; a change that edits any of them is a
// finding naming the file and who must approve it (blocking in CI until they have), and each
// waiver it adds or alters is named with its approver. The new versions apply only after the
// merge.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::evaluate::guard {

inline constexpr std::string_view kControl = "policy";

// Whether approvals are judged (CI) or only foretold (a laptop, a hook).
enum class Gate { kJudge, kForetell };

// `policy`: the base revision's policy (the one in force). A changed policy file needs the
// approval of `policy.owners` (else its CODEOWNERS owners at the base, else
// waivers.approvers.critical, else any reviewer) on the pull or merge request: without it the
// finding is high (blocks by default) under kJudge; kForetell makes it low, naming who.
// `commits`: the range's commits, whose Approved-by: trailers approve the waivers it adds.
// `reviews`: the pull/merge request's approvals, when the reviews control read them; an
// approval there by a waiver's approver approves the waiver too.
std::vector<core::Finding> EvaluatePolicyChanges(const std::vector<collect::FileVersions>& changes,
                                                 const std::vector<collect::CommitFacts>& commits,
                                                 const collect::ReviewFacts& reviews,
                                                 const policy::Policy& policy, Gate gate);

}  // namespace riskgate::evaluate::guard
