#include "evaluate/pins/from_shell.h"

#include "policy/pins_rules.h"

namespace riskgate::evaluate::pins {

PinIssue FromShellIssue(const ShellIssue& issue) {
  std::string rule = issue.rule;
  if (policy::FindPinsRule(rule) == nullptr) {
    rule = issue.kind == ShellIssueKind::kDownloadThenExecute ? "download-then-execute"
                                                              : "unpinned-package";
  }
  std::string mitigate;
  if (issue.kind == ShellIssueKind::kDownloadThenExecute) {
    mitigate = "download from a URL that names a commit or release digest, over HTTPS only";
  }
  PinIssue out{rule, issue.line, issue.column, issue.message, issue.fix, mitigate, {}};
  out.related = issue.related;
  return out;
}

void AppendShellIssues(const std::vector<ShellIssue>& found, std::vector<PinIssue>& out) {
  for (const auto& issue : found) out.push_back(FromShellIssue(issue));
}

}  // namespace riskgate::evaluate::pins
