// Stage 3 (evaluate): the Markdown model `riskgate threat-model init` writes for a component:
// its facts filled in and a placeholder for every part the policy requires, so that the
// threat-model control reports each section until someone fills it in.
#pragma once

#include <string>
#include <vector>

#include "policy/threat_model_control.h"

namespace riskgate::evaluate::threat_model {

std::string ModelSkeleton(const policy::Component& component,
                          const policy::ThreatModelControl& control,
                          const std::vector<std::string>& entry_points,
                          const std::vector<std::string>& owners);

}  // namespace riskgate::evaluate::threat_model
