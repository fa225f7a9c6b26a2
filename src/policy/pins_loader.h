// Stage 2 (policy): reads `controls.pins` of a policy.
#pragma once

#include "policy/field_reader.h"
#include "policy/policy.h"

namespace riskgate::policy {

void LoadPinsControl(const YamlNode* node, FieldReader& reader, PinsControl& pins);

}  // namespace riskgate::policy
