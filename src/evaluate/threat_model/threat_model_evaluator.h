// Stage 3 (evaluate): the threat-model control. Input: the components the change touches, each
// with its model files (content as judged, when each was last committed, whether the change
// edits it) and the policy. Output: findings when a touched component's model is missing, does
// not parse, is stale, lacks a required part, does not name the component or a new entry
// point, or leaves a residual risk without an owner (or an acceptance without date and expiry,
// one past its expiry, one the policy does not allow, or one the change wrote without an owner's
// approval).
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/reviews_control.h"
#include "policy/threat_model_control.h"

namespace riskgate::evaluate::threat_model {

inline constexpr std::string_view kControl = "threat_model";

// `reviews`: the policy's reviews settings, which say whose approvals of a range count (an
// acceptance the change writes in a model stands only with one of the component's owners').
std::vector<core::Finding> EvaluateThreatModels(
    const collect::ChangeFacts& facts, const policy::ThreatModelControl& control,
    const policy::ReviewsControl& reviews = policy::ReviewsControl{});

}  // namespace riskgate::evaluate::threat_model
