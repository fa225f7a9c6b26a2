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
};

// Every rule the pins evaluator can report.
std::span<const PinsRuleInfo> PinsRules();
const PinsRuleInfo* FindPinsRule(std::string_view id);

}  // namespace riskgate::policy
