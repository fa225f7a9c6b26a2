// Fuzz target: a secrets rule pack (rules/*.yaml), validated as a user-supplied pack is.
#include "fuzz_input.h"
#include "policy/rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  riskgate::core::Diagnostics diagnostics;
  auto pack =
      riskgate::policy::LoadRulePack(riskgate::fuzz::AsText(data, size), "fuzz.yaml", diagnostics);
  for (const auto& rule : pack.rules) {
    if (rule.id.empty()) __builtin_trap();  // a loaded rule always has an id
  }
  return 0;
}
