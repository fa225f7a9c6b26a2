// Stage 3 (evaluate): checks a GitHub Actions workflow (.github/workflows/*.yml) or action
// metadata file (action.yml): action and image pins, download-then-run and floating installs in
// `run:` scripts, untrusted checkouts under pull_request_target/workflow_run, script injection,
// and missing or write-all permissions. Pure: text in, issues out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

enum class GithubFileKind { kWorkflow, kActionMetadata };

std::vector<PinIssue> CheckGithubFile(std::string_view text, const std::string& path,
                                      GithubFileKind kind, const policy::PinsControl& pins);

// The pin issue of one `uses:` value, if any (exposed for tests).
std::vector<PinIssue> CheckUses(std::string_view uses, int line, int column,
                                std::string_view trailing_comment, const policy::PinsControl& pins);

}  // namespace riskgate::evaluate::pins
