// Writes a file so that readers see the old content or the new, never half of it.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::app {

// Writes `content` to a temporary file beside `path`, syncs it, then renames it over `path`; an
// existing file keeps its mode bits, a new one gets 0644.
core::Result<void> WriteFileAtomically(const std::string& path, std::string_view content);

// Reads a whole file.
core::Result<std::string> ReadFile(const std::string& path);

}  // namespace riskgate::app
