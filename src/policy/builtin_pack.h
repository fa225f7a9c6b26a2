// Stage 2 (policy): the rule pack compiled into the binary ("builtin:default"): the image the
// build wrote from rules/default/*.yaml (policy/rule_image.h), read ahead on another thread.
#pragma once

#include <optional>
#include <string_view>

#include "core/diagnostics.h"
#include "policy/rule_pack.h"

namespace riskgate::policy {

// The pack of that name, or nullopt when there is none by that name. Its rules were validated
// when the binary was built; their patterns compile on first use.
std::optional<RulePack> LoadBuiltinRulePack(std::string_view name, core::Diagnostics& diagnostics);

// While it lives, "builtin:default" is read on another thread for the first LoadBuiltinRulePack
// to take: a command makes one first thing, so that the pack is read while libgit2 starts and
// the change is found (a pre-commit hook's start-up). Its end waits for the reading thread when
// nothing took the pack (an early error), so no thread outlives the command.
class BuiltinRulePackPrefetch {
 public:
  BuiltinRulePackPrefetch();
  ~BuiltinRulePackPrefetch();
  BuiltinRulePackPrefetch(const BuiltinRulePackPrefetch&) = delete;
  BuiltinRulePackPrefetch& operator=(const BuiltinRulePackPrefetch&) = delete;
};

}  // namespace riskgate::policy
