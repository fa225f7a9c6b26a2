// App: `riskgate explain RULE_ID` printed: what a rule of the active policy is for, what it
// matches, when it applies, what its findings decide and how each can be resolved (the controls
// explain their rules: run/explain_rule.h).
#pragma once

#include <string>
#include <vector>

#include "run/control.h"

namespace riskgate::app {

using run::RuleExplanation;

std::string ExplanationText(const RuleExplanation& explanation);
std::string ExplanationJson(const RuleExplanation& explanation);

}  // namespace riskgate::app
