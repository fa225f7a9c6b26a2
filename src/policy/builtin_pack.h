// Stage 2 (policy): what is compiled into the binary and read at every start: the rule pack
// "builtin:default" (the image the build wrote from rules/default/*.yaml, policy/rule_image.h)
// and the built-in policy, both read ahead on another thread.
#pragma once

#include <optional>
#include <string_view>

#include "core/diagnostics.h"
#include "policy/policy_compose.h"
#include "policy/rule_pack.h"

namespace riskgate::policy {

// The pack of that name, or nullopt when there is none by that name. Its rules were validated
// when the binary was built; their patterns compile on first use.
std::optional<RulePack> LoadBuiltinRulePack(std::string_view name, core::Diagnostics& diagnostics);

// While it lives, the built-in pack and then the built-in policy's composed tree are read on
// another thread, for the first LoadBuiltinRulePack and LoadDefaultPolicy to take: a command
// makes one first thing, so that they are read while libgit2 starts and the change is found (a
// pre-commit hook's start-up). Its end waits for the thread, so no thread outlives the command.
class BuiltinPrefetch {
 public:
  BuiltinPrefetch();
  ~BuiltinPrefetch();
  BuiltinPrefetch(const BuiltinPrefetch&) = delete;
  BuiltinPrefetch& operator=(const BuiltinPrefetch&) = delete;
};

// The built-in policy composed (policy.cc), or nullopt when it has diagnostics.
std::optional<ComposedPolicy> ComposeBuiltinPolicy();
// The prefetched composition, once (nullopt when none was started or it is taken).
std::optional<ComposedPolicy> TakePrefetchedBuiltinPolicy();

}  // namespace riskgate::policy
