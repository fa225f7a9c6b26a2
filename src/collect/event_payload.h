// Stage 1 (collect): the GitHub event payload (GITHUB_EVENT_PATH), read once the same way for
// the scope and the reviews: bounded in size and nesting, no key twice, and a JSON object, or
// an error naming the file.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"

namespace riskgate::collect {

core::Result<core::Node> ReadEventPayload(const std::string& path);

// The string at the path of map keys `keys` (e.g. {"pull_request", "base", "sha"}), or "" when a
// step is missing or the value is not a string.
std::string PayloadText(const core::Node& payload, std::initializer_list<std::string_view> keys);

}  // namespace riskgate::collect
