// Stage run: `riskgate explain RULE_ID`: asks each control of the table for the rule, then adds
// what the policy decides for it and who may accept it.
#pragma once

#include <string>

#include "core/error.h"
#include "policy/policy.h"
#include "run/control.h"

namespace riskgate::run {

core::Result<RuleExplanation> ExplainRule(const policy::Policy& policy, const std::string& id,
                                          ControlTable controls = DefaultControls());

// `policy show`: each control's lines of the effective settings, in table order.
std::string ControlSummaries(const policy::Policy& policy,
                             ControlTable controls = DefaultControls());

// `policy show`'s closing comment: decisions, limits, waivers and every control's settings.
std::string EffectiveSettings(const policy::Policy& policy,
                              ControlTable controls = DefaultControls());

}  // namespace riskgate::run
