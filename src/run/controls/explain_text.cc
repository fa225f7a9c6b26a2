#include "run/controls/explain_text.h"

namespace riskgate::run::controls {

std::string JoinList(const std::vector<std::string>& items, std::string_view joiner) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(joiner)) + item;
  return out;
}

std::string PatternList(const std::vector<policy::PatternPtr>& patterns) {
  std::vector<std::string> out;
  for (const auto& p : patterns) out.push_back("/" + p->source() + "/");
  return JoinList(out, " or ");
}

}  // namespace riskgate::run::controls

namespace riskgate::run::controls {

bool ExplainBuiltin(std::span<const BuiltinRule> rules, std::string_view control,
                    std::string_view id, RuleExplanation& e) {
  for (const auto& rule : rules) {
    if (rule.id != id) continue;
    e.control = std::string(control);
    e.description = std::string(rule.description);
    e.why = std::string(rule.why);
    e.matches = {e.description};
    e.fix = std::string(rule.fix);
    e.origin = "built-in";
    return true;
  }
  return false;
}

}  // namespace riskgate::run::controls
