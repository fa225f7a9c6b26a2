// Stage 3 (evaluate): the custom control: the organisation's own rules from `controls.custom`
// (forbid_content, forbid_path, require_path, require_change, restrict_change, commit_message).
// Input: the change's facts and the policy. Output: findings with the rule's remedies. No I/O.
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::evaluate::custom {

inline constexpr std::string_view kControl = "custom";

std::vector<core::Finding> EvaluateCustom(const collect::ChangeFacts& facts,
                                          const policy::Policy& policy);

// Whether the rule's `when` conditions hold for this run.
bool RuleApplies(const policy::CustomRule& rule, const collect::ChangeFacts& facts);

// Whether some forbid_content rule may find something in lines added to `path` whose new
// version is `text`, whichever lines they are (collect leaves the others undiffed).
bool LinesMayForbid(const policy::CustomControl& control, std::string_view path,
                    std::string_view text);

// Whether some custom rule needs every file of the judged tree.
bool WantsTree(const policy::CustomControl& control);

}  // namespace riskgate::evaluate::custom
