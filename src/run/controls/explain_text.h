// Stage run: sentence helpers the controls' explanations share.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policy/pattern.h"
#include "run/control.h"

namespace riskgate::run::controls {

// "a, b, c" (or joined by `joiner`).
std::string JoinList(const std::vector<std::string>& items, std::string_view joiner = ", ");
// "/a/ or /b/".
std::string PatternList(const std::vector<policy::PatternPtr>& patterns);
// "on" / "off".
inline const char* OnOff(bool enabled) { return enabled ? "on" : "off"; }

// A control's rule that is not a pattern: what its finding means and how it is fixed.
struct BuiltinRule {
  std::string_view id;
  std::string_view description;
  std::string_view why;
  std::string_view fix;
};

// Fills `e` from the rule of `rules` named `id` (of control `control`, built in); false if none.
bool ExplainBuiltin(std::span<const BuiltinRule> rules, std::string_view control,
                    std::string_view id, RuleExplanation& e);

}  // namespace riskgate::run::controls
