// Stage 3 (evaluate): a pipeline file that does not parse is a located finding, never a crash
// and never a silent skip.
#pragma once

#include <vector>

#include "evaluate/pins/pin_issue.h"
#include "policy/diagnostics.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> ParseIssues(const policy::Diagnostics& diagnostics);

}  // namespace riskgate::evaluate::pins
