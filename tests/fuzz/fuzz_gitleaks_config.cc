// Fuzz target: a gitleaks config (.gitleaks.toml), loaded as a policy's gitleaks_config is. The
// input is split at a NUL byte: the config, and the text any `[extend] path` reads.
#include "fuzz_input.h"
#include "policy/gitleaks_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [config, base] = riskgate::fuzz::SplitAtNul(riskgate::fuzz::AsText(data, size));
  const std::string base_text(base);
  riskgate::policy::FileReader read = [&base_text](const std::string&) {
    return riskgate::core::Result<std::string>(base_text);
  };
  riskgate::core::Diagnostics diagnostics;
  const auto loaded =
      riskgate::policy::LoadGitleaksConfig(config, "fuzz.toml", read, diagnostics, "/fuzz");
  for (const auto& rule : loaded.rules) {
    if (rule.id.empty()) __builtin_trap();  // a loaded rule always has an id
  }
  for (const auto& d : diagnostics.items()) {
    if (d.message.empty()) __builtin_trap();  // a failed load always explains itself
  }
  return 0;
}
