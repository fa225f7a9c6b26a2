// Stage run: gathers the review facts the reviews control judges: it picks the source (GitHub or
// GitLab when the run is on one of their merge requests, else commit trailers), reads CODEOWNERS
// from the base revision (a change cannot rewrite who must approve it), and asks the forge for
// approvals and team members. A forge that fails ends the run (exit 2), or becomes a blocking
// finding when the policy says `on_error: block`; it never passes silently.
#pragma once

#include <string>
#include <vector>

#include "collect/ci_context.h"
#include "collect/facts.h"
#include "collect/git_repository.h"
#include "core/error.h"
#include "policy/reviews_control.h"
#include "run/request.h"

namespace riskgate::run {

// `policy_owners`: the policy's owners, whose teams are resolved too.
core::Result<collect::ReviewFacts> GatherReviews(const policy::ReviewsControl& control,
                                                 const collect::ChangeFacts& facts,
                                                 collect::GitRepository& repo,
                                                 const collect::EnvReader& env,
                                                 const JudgeRequest& options,
                                                 const std::vector<std::string>& policy_owners);

}  // namespace riskgate::run
