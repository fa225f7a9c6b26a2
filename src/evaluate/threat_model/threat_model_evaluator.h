// Stage 3 (evaluate): the threat-model control. Input: the components the change touches, each
// with its model files (content as judged, when each was last committed, whether the change
// edits it) and the policy. Output: findings when a touched component's model is missing, does
// not parse, is stale, lacks a required part, does not name the component or a new entry
// point, or leaves a residual risk without an owner (or an acceptance without date and expiry).
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/threat_model_control.h"

namespace riskgate::evaluate::threat_model {

inline constexpr std::string_view kControl = "threat_model";

std::vector<core::Finding> EvaluateThreatModels(const collect::ChangeFacts& facts,
                                                const policy::ThreatModelControl& control);

}  // namespace riskgate::evaluate::threat_model
