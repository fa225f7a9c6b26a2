// Stage 4 (decide): joins the verdicts of a history audit's shards into one. Pure. A secret
// found by several shards (introduced in one commit, copied in another) becomes one finding
// with every sighting, oldest first; the run's decision is the worst of the shards'.
#pragma once

#include <vector>

#include "decide/decide.h"

namespace riskgate::decide {

Verdict MergeVerdicts(std::vector<Verdict> verdicts);

// The order every verdict lists findings in: worst decision and severity first, then by path
// and line (stable, so equal findings keep their order).
void SortFindings(std::vector<core::JudgedFinding>& findings);

}  // namespace riskgate::decide
