// Stage 2 (policy): writes a YAML tree back as YAML text, for `riskgate policy show`. Each value
// can carry a comment naming the file and line it came from, so a composed policy shows where
// every setting is decided. Scalars are written double-quoted when plain style would change them.
#pragma once

#include <string>

#include "core/json_out.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

enum class Origins { kHide, kShow };

// `fallback_file` names nodes that carry no file of their own.
std::string EmitYaml(const core::Node& node, Origins origins, const std::string& fallback_file);

// The tree as a plain JSON value (no marks): unquoted true/false/null and integers keep their
// type. Written with sorted keys (JsonKeys::kSorted) by `policy show`.
core::JsonOut PlainJson(const core::Node& node);

}  // namespace riskgate::policy
