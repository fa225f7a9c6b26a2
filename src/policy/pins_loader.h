// Stage 2 (policy): reads `controls.pins` of a policy.
#pragma once

#include "core/field_reader.h"
#include "policy/policy.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

void LoadPinsControl(const core::Node* node, core::FieldReader& reader, PinsControl& pins);

}  // namespace riskgate::policy
