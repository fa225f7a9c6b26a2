// Stage 0 (core): how deeply a JSON text nests, found by one pass over its brackets before a
// recursive parser (nlohmann's) or a recursive walk of the parsed value sees it, so untrusted
// JSON cannot overflow the stack. Pure text, no I/O.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::core {

// Deeper than any JSON riskgate reads (event payloads, forge answers, reports, Threat Dragon).
inline constexpr int kMaxJsonDepth = 128;

// Whether arrays and objects of `text` nest more than `max_depth` deep (brackets inside strings
// do not count; malformed text is left to the parser).
bool JsonNestsDeeperThan(std::string_view text, int max_depth);

// An error naming `where` when `text` nests deeper than kMaxJsonDepth, else nothing.
Result<void> CheckJsonDepth(std::string_view text, const std::string& where);

}  // namespace riskgate::core
