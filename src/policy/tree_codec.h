// Stage 2 (policy): a located tree (with its marks and tags) as a compact length-prefixed text
// and back. The build turns the embedded rule pack into this form so that the binary does not
// pay for YAML parsing at every start-up (yaml-cpp needed ~90 ms for the 178 kB default pack).
// It is no JSON: the form is riskgate's own, written and read only here, so no JSON library is
// needed on either side.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "policy/yaml_document.h"

namespace riskgate::policy {

std::string EncodeTree(const core::Node& node);
// The tree, or nothing when `text` is not what EncodeTree wrote.
std::optional<core::Node> DecodeTree(std::string_view text);

}  // namespace riskgate::policy
