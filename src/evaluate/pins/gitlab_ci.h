// Stage 3 (evaluate): checks a GitLab CI file (.gitlab-ci.yml and included local files): image
// and service digests, includes of remote projects, URLs and components without a commit SHA,
// and download-then-run or floating installs in script, before_script and after_script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckGitlabCi(std::string_view text, const std::string& path,
                                    const policy::PinsControl& pins);

}  // namespace riskgate::evaluate::pins
