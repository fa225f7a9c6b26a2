// Stage 3 (evaluate): checks a GitHub Actions workflow (.github/workflows/*.yml) or action
// metadata file (action.yml): action and image pins, download-then-run and floating installs in
// `run:` scripts, untrusted checkouts under pull_request_target/workflow_run, script injection,
// and missing or write-all permissions. Pure: text in, issues out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "collect/action_facts.h"
#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/uses_check.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

enum class GithubFileKind { kWorkflow, kActionMetadata };

// `gathered`: what the run gathered (null: nothing): the callers of this file that pass its
// inputs the attacker's text, and for the repository's own actions this file calls, the inputs
// they expand into a shell (evaluate/pins/local_callers.h).
std::vector<PinIssue> CheckGithubFile(std::string_view text, const std::string& path,
                                      GithubFileKind kind, const policy::PinsControl& pins,
                                      const collect::PinLookups* gathered = nullptr);

// The inputs (lower case) the action or reusable workflow `text` expands into a shell or into
// code an action runs, each with the line of its first expansion.
std::map<std::string, int> InputsReachingSinks(std::string_view text, const std::string& path,
                                               GithubFileKind kind,
                                               const policy::PinsControl& pins);

}  // namespace riskgate::evaluate::pins
