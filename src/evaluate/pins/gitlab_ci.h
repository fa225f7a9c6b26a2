// Stage 3 (evaluate): checks a GitLab CI file (.gitlab-ci.yml, included local files and child
// pipelines), read as GitLab reads it (gitlab_document.h): image and service digests, includes
// (top level and `trigger: include:`) of remote projects, URLs, components and `run:` steps
// without a commit SHA, and download-then-run or floating installs in every job's scripts and,
// line by line, in every other string of the file.
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
