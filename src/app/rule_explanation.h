// App: `riskgate explain RULE_ID`: what a rule of the active policy is for, what it matches,
// when it applies, what its findings decide under this policy and how each can be resolved.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "policy/policy.h"

namespace riskgate::app {

struct RuleExplanation {
  std::string id;
  std::string control;  // secrets, pins, custom
  std::string kind;     // custom rules: forbid_content, ...
  std::string description;
  std::string why;
  std::vector<std::string> matches;  // sentences
  std::string applies;               // "always" or the `when` conditions
  core::Severity severity = core::Severity::kMedium;
  core::Decision decision = core::Decision::kPass;
  // Set when the severity is not the rule's own (a component's tier, a waiver's finding).
  std::string severity_note;
  std::string fix;
  std::string mitigate;
  std::string accept;
  std::string origin;  // where the rule is defined
};

core::Result<RuleExplanation> ExplainRule(const policy::Policy& policy, const std::string& id);
std::string ExplanationText(const RuleExplanation& explanation);
std::string ExplanationJson(const RuleExplanation& explanation);

}  // namespace riskgate::app
