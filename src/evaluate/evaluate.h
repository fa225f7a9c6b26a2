// Stage 3 (evaluate): runs every enabled control over the collected facts. Input: facts and the
// policy. Output: findings (without decisions) and counters. Evaluators never do I/O.
#pragma once

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

Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                    const RepositoryLayout& layout = {});

// Whether some enabled control needs the whole new version of `path` as a document; the app
// passes this to collect before it reads the change.
bool WantsDocument(std::string_view path, const policy::Policy& policy,
                   const RepositoryLayout& layout = {});
// Whether `path` is a document in `now` that it was not, or was another kind of, in `before`
// (a file `.gitlab-ci.yml` newly includes): nothing in its old version counts as judged.
bool RoleChanged(std::string_view path, const policy::Policy& policy,
                 const RepositoryLayout& before, const RepositoryLayout& now);

// Whether some enabled control needs every file of the judged tree (ChangeFacts::tree).
bool WantsTree(const policy::Policy& policy);

// Folds repeated sightings of one fingerprint: the same secret seen in several commits of a
// range (or again in the net diff) is one finding with `occurrences` counted; distinct lines of
// one source stay distinct findings.
std::vector<core::Finding> FoldRepeats(std::vector<core::Finding> findings);

}  // namespace riskgate::evaluate
