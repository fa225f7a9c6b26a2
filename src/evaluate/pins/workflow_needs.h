// Stage 3 (evaluate), pins: the order a GitHub workflow's jobs run in, from their `needs:`.
// The taint analysis (workflow_taint.h) follows job outputs from a job to the jobs that need
// it, so it reads each job after those. Input: the parsed `jobs:` map. Output: job indexes.
// No I/O; a hostile file's cycles and unknown names are read, never looped on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"

namespace riskgate::evaluate::pins {

// The ids a job's `needs:` names (one or a list), lower case.
std::vector<std::string> JobNeeds(const core::Node& job);

// The indexes of `jobs`' fields in an order where each job comes after the jobs its `needs:`
// names (file order among equals; a cycle, which GitHub rejects, is broken at the first job
// left; a name no job has, or a job's own, is left out).
std::vector<std::size_t> NeedsOrder(const core::Node& jobs);

}  // namespace riskgate::evaluate::pins
