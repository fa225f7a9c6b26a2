// Stage 3 (evaluate): the threat-model coverage of every component (`riskgate threat-model
// status`): whether a model exists, its age, missing parts, open residual risks and owners,
// and whether it is usable (present, parses, fresh, complete). Pure: facts in, rows out.
#pragma once

#include <vector>

#include "collect/facts.h"
#include "core/model_status.h"
#include "policy/threat_model_control.h"

namespace riskgate::evaluate::threat_model {

std::vector<core::ComponentStatus> ComponentStatuses(const collect::ThreatModelFacts& facts,
                                                     const policy::ThreatModelControl& control);

}  // namespace riskgate::evaluate::threat_model
