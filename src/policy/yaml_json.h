// Stage 2 (policy): a YAML tree (with its marks) as compact JSON and back. The build turns the
// embedded rule pack into this form so that the binary does not pay for YAML parsing at every
// start-up (yaml-cpp needed ~90 ms for the 178 kB default pack; JSON takes a few).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "policy/yaml_document.h"

namespace riskgate::policy {

std::string YamlToJson(const YamlNode& node);
std::optional<YamlNode> YamlFromJson(std::string_view json);

}  // namespace riskgate::policy
