// Stage 3 (evaluate): GITHUB_TOKEN scopes wider than the jobs need, besides a missing
// top-level block and `write-all` (github_workflow.cc): `read-all` (every scope, packages,
// security events and actions included), write scopes granted at the workflow's top where two
// or more jobs inherit them, and a job calling a reusable workflow without its own
// `permissions:` while the top grants write scopes (the called workflow, code kept elsewhere,
// gets them all). Each is `excessive-permissions`.
#pragma once

#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckPermissionScopes(const core::Node& root);

}  // namespace riskgate::evaluate::pins
