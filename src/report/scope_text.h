// Stage 5 (report): the one line that says what a run judged ("commits a1b2..c3d4 (3 commits)"),
// written from the scope's facts for every format.
#pragma once

#include <string>

#include "core/scope.h"

namespace riskgate::report {

std::string DescribeScope(const core::ScopeSummary& scope);

// For a scope that judged nothing (core::JudgedNothing): "nothing to judge: nothing is staged
// ...; `riskgate check --worktree` audits every tracked file"; otherwise empty.
std::string NothingJudgedNote(const core::ScopeSummary& scope);

}  // namespace riskgate::report
