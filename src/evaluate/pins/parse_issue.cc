#include "evaluate/pins/parse_issue.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> ParseIssues(const core::Diagnostics& diagnostics) {
  std::vector<PinIssue> out;
  for (const auto& d : diagnostics.items()) {
    std::string message = "the file cannot be checked: ";
    if (!d.field.empty()) message += d.field + ": ";
    message += d.message;
    out.push_back({"unparsable-config",
                   d.mark.line > 0 ? d.mark.line : 1,
                   d.mark.column > 0 ? d.mark.column : 1,
                   message,
                   "fix the syntax so the file parses (and so the CI platform accepts it)",
                   "",
                   {},
                   true});
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
