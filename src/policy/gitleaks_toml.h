// Stage 2 (policy): the only file that talks to toml++. It turns a gitleaks TOML config into the
// same located tree the YAML reader produces, so the gitleaks loader can use FieldReader. Keys
// are lower-cased, as gitleaks' config library (viper) matches them case-insensitively.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

// Parses `text`; a syntax error becomes a diagnostic at its file:line:column and gives nullopt.
std::optional<core::Node> ParseToml(std::string_view text, const std::string& file,
                                    core::Diagnostics& diagnostics);

}  // namespace riskgate::policy
