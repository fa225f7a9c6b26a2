// Unit-test helper: the lines of a GitHub workflow's (or action's) pins issues of one rule.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "evaluate/pins/github_workflow.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

using Lines = std::vector<int>;

// The issues of `text` read as `kind` (a workflow at .github/workflows/ci.yml, an action at
// act/action.yml).
inline std::vector<PinIssue> Issues(const std::string& text, GithubFileKind kind,
                                    const policy::PinsControl& pins = {}) {
  return CheckGithubFile(
      text, kind == GithubFileKind::kWorkflow ? ".github/workflows/ci.yml" : "act/action.yml", kind,
      pins);
}

// The lines of its issues of `rule`, in line order (as the report orders them).
inline Lines LinesOf(const std::string& text, const std::string& rule, GithubFileKind kind,
                     const policy::PinsControl& pins = {}) {
  Lines out;
  for (const auto& issue : Issues(text, kind, pins)) {
    if (issue.rule == rule) out.push_back(issue.line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline Lines LinesOf(const std::string& text, const std::string& rule,
                     const policy::PinsControl& pins = {}) {
  return LinesOf(text, rule, GithubFileKind::kWorkflow, pins);
}

}  // namespace riskgate::evaluate::pins
