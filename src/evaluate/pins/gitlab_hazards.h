// Stage 3 (evaluate): GitLab CI hazards beyond pinning, the counterparts of the GitHub rules.
// `script-injection`: a predefined variable whose text a merge request's or commit's author
// writes (`$CI_MERGE_REQUEST_TITLE`, `$CI_COMMIT_MESSAGE`, a branch name…) expanded by the
// shell into text that is parsed again as code: `eval "… $CI_COMMIT_MESSAGE"`,
// `sh -c "… $CI_MERGE_REQUEST_TITLE"`, `python -c "…"`, a heredoc fed to a shell. As a plain
// argument (`echo "$CI_COMMIT_MESSAGE"`) it is data, and not reported.
// `cache-poisoning`: a job's `cache:` with `unprotect: true` shares its cache between
// protected and unprotected refs, so a branch anyone with push access makes writes what the
// default branch and the release tags restore.
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckGitlabHazards(const core::Node& config, const SourceLines& lines);

// The attacker-controlled predefined variable that `line` expands into code parsed again, or
// "" when there is none.
std::string GitlabInjectedVariable(std::string_view line);

}  // namespace riskgate::evaluate::pins
