// Stage 3 (evaluate): turns a shell-analysis issue into a pins issue with a catalogued rule id.
#pragma once

#include <vector>

#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/shell_analysis.h"

namespace riskgate::evaluate::pins {

PinIssue FromShellIssue(const ShellIssue& issue);
void AppendShellIssues(const std::vector<ShellIssue>& found, std::vector<PinIssue>& out);

}  // namespace riskgate::evaluate::pins
