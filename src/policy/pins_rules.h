// Stage 2 (policy): the rules of the pins control (pipeline configuration: dependency pins and
// dangerous workflows), with their default severities. The policy may re-rate or disable them.
#pragma once

#include <span>
#include <string_view>

#include "core/severity.h"

namespace riskgate::policy {

struct PinsRuleInfo {
  std::string_view id;
  core::Severity severity;
  std::string_view description;
  std::string_view why;       // the risk, for `riskgate explain`
  std::string_view fix;       // how to remove it, in general (a finding's own fix is exact)
  std::string_view mitigate;  // what reduces the blast radius while it stays
};

// Every rule the pins evaluator can report.
std::span<const PinsRuleInfo> PinsRules();
const PinsRuleInfo* FindPinsRule(std::string_view id);

}  // namespace riskgate::policy
