// Stage 3 (evaluate): `github-env`: a run step writes text an attacker controls to
// $GITHUB_ENV or $GITHUB_PATH in a workflow whose trigger runs with the base repository's
// secrets on an event an outsider causes (pull_request_target, workflow_run, issue_comment,
// issues, discussion…). A newline in the text sets any variable for the later steps
// (LD_PRELOAD, BASH_ENV, NODE_OPTIONS run code) or puts the attacker's folder first on PATH.
// Tainted text is what the taint model says (workflow_taint.h), and in a workflow_run job
// whatever a command substitution reads after the job downloaded the triggering run's
// artifacts (`$(cat pr/number)`).
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/workflow_taint.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckEnvironmentFiles(const core::Node& root, const SourceLines& lines,
                                            const WorkflowTaint& taint);

}  // namespace riskgate::evaluate::pins
