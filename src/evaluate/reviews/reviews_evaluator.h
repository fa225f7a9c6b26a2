// Stage 3 (evaluate): the reviews control. Input: the changed paths, the review facts (from a
// forge or commit trailers, with the base revision's CODEOWNERS) and the policy. Output: one
// finding per unmet requirement (too few approvals; a CODEOWNERS section without an approval
// from its owners; GitLab's own rules unmet; the forge unreadable), each naming who must
// approve what. With `explain_only` it reports what the change will need, as info.
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::evaluate::reviews {

inline constexpr std::string_view kControl = "reviews";

std::vector<core::Finding> EvaluateReviews(const collect::ChangeFacts& facts,
                                           const policy::ReviewsControl& control);

}  // namespace riskgate::evaluate::reviews
