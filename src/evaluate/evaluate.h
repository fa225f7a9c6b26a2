// Stage 3 (evaluate): what every control's evaluation gives (findings without decisions and
// counters) and the helpers they share. Each control evaluates in its own folder; the table in
// run/control_table.cc runs them. Evaluators never do I/O.
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "evaluate/layout.h"
#include "policy/policy.h"

namespace riskgate::evaluate {

struct Evaluation {
  std::vector<core::Finding> findings;
  int suppressed_inline = 0;  // findings suppressed by `riskgate:allow`
  int inline_ignored = 0;     // `riskgate:allow` comments the policy did not honour
};

// Whether `path` has another role in `now` than in `before` (a file `.gitlab-ci.yml` newly
// includes): nothing in its old version counts as judged as what it now is.
bool RoleChanged(std::string_view path, const RepositoryLayout& before,
                 const RepositoryLayout& now);

// Folds repeated sightings of one fingerprint: the same secret seen in several commits of a
// range (or again in the net diff) is one finding with `occurrences` counted; distinct lines of
// one source stay distinct findings.
std::vector<core::Finding> FoldRepeats(std::vector<core::Finding> findings);

}  // namespace riskgate::evaluate
