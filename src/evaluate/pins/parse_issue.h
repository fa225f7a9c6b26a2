// Stage 3 (evaluate): a pipeline file that does not parse is a located finding, never a crash
// and never a silent skip.
#pragma once

#include <vector>

#include "core/diagnostics.h"
#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> ParseIssues(const core::Diagnostics& diagnostics);

}  // namespace riskgate::evaluate::pins
