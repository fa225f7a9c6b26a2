// Stage 4 (decide): the fix / mitigate / accept options of a finding. Pure text building.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "policy/waivers.h"

namespace riskgate::decide {

// The accept remedy follows the policy's waiver rules; `today` (0: unknown) dates its latest
// expiry.
std::vector<core::Remediation> RemediesFor(const core::Finding& finding,
                                           const policy::WaiverPolicy& rules, core::Day today);

}  // namespace riskgate::decide
