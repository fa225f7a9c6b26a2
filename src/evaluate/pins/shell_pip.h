// Stage 3 (evaluate), pins: `pip install` (pip, pip3, python -m pip, uv pip) without hashes.
// Input: a command view. Output: "pip-install" when OpenSSF Scorecard counts the install as
// unpinned, refined to "pip-install-version-pinned" when every requirement is an exact `==`
// version (riskgate rates that lower; Scorecard still counts it). No I/O.
#pragma once

#include <optional>

#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_packages.h"

namespace riskgate::evaluate::pins {

std::optional<PackageIssue> CheckPip(const CommandView& view);

}  // namespace riskgate::evaluate::pins
