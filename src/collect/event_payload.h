// Stage 1 (collect): the GitHub event payload (GITHUB_EVENT_PATH), read once the same way for
// the scope and the reviews: bounded in size and nesting, and a JSON object, or an error naming
// the file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"

namespace riskgate::collect {

core::Result<nlohmann::json> ReadEventPayload(const std::string& path);

}  // namespace riskgate::collect
