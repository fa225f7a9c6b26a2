// Stage run: gathers the threat-model facts: which policy components the change touches (every one
// in a worktree audit), each model file as the scope judges the repository and as the change
// found it, and from the trusted side's git history (the base of a range, else HEAD) when each
// model and each component's code last changed (commit times, never file mtimes, which a
// checkout resets; never the change's own commits, whose dates its author writes). A shallow
// clone that hides that history is an error.
#pragma once

#include "collect/change_collector.h"
#include "collect/facts.h"
#include "collect/git_repository.h"
#include "core/error.h"
#include "policy/threat_model_control.h"

namespace riskgate::run {

// `now`: seconds since the epoch (the clock, or RISKGATE_NOW), the time of the change in every
// mode.
core::Result<collect::ThreatModelFacts> GatherThreatModels(
    const policy::ThreatModelControl& control, const collect::ChangeFacts& facts,
    collect::GitRepository& repo, const collect::ScopeRequest& request, long long now);

}  // namespace riskgate::run
