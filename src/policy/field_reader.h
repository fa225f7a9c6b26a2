// Stage 2 (policy): the strict typed field reader moved to core (core/field_reader.h) so that
// readers of JSON inputs in other stages share it; the schema loaders use it by these names.
#pragma once

#include "core/field_reader.h"
#include "policy/diagnostics.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

using core::FieldReader;
using core::IndexField;
using core::JoinField;
using core::Need;

}  // namespace riskgate::policy
