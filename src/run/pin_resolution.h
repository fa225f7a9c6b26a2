// Stage run: resolves the mutable refs of pins findings (an action used by tag or branch) to the
// commit SHAs they point at, through the GitHub API. `fix pins` uses it to rewrite workflows;
// `check` uses it, when a GitHub token is at hand, so the fix remedy is the exact line to write.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "collect/ci_context.h"
#include "core/error.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::run {

// (owner/repo, ref) -> commit SHA.
using ResolvedPins = std::map<std::pair<std::string, std::string>, std::string>;

// Resolves every distinct target of `findings`; the first failure is the error.
core::Result<ResolvedPins> ResolvePins(const std::vector<core::Finding>& findings,
                                       const policy::Policy& policy, const collect::EnvReader& env);

// With a GitHub token in the environment (and controls.pins.resolve_refs on), rewrites each
// pinnable finding's fix hint to the exact `uses:` line. A lookup that fails leaves the generic
// remedy with a note; it never changes a decision.
void ResolvePinRemedies(std::vector<core::Finding>& findings, const policy::Policy& policy,
                        const collect::EnvReader& env);

}  // namespace riskgate::run
