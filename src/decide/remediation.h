// Stage 4 (decide): the fix / mitigate / accept options of a finding. Pure text building.
#pragma once

#include <vector>

#include "core/finding.h"

namespace riskgate::decide {

std::vector<core::Remediation> RemediesFor(const core::Finding& finding);

}  // namespace riskgate::decide
