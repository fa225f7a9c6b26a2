// Fuzz target: the baseline file (.riskgate/baseline.json). Oracle: what FormatBaseline writes
// loads back with the same fingerprints.
#include "fuzz_input.h"
#include "policy/baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto text = fuzz::AsText(data, size);
  auto loaded = policy::LoadBaseline(text, "baseline.json");
  if (!loaded) return 0;
  std::vector<core::JudgedFinding> findings;
  for (const auto& fingerprint : *loaded) {
    core::JudgedFinding f;
    f.fingerprint = fingerprint;
    f.rule = "r";
    f.control = "secrets";
    f.location.path = std::string(text.substr(0, 16));
    findings.push_back(std::move(f));
  }
  auto again = policy::LoadBaseline(policy::FormatBaseline(findings), "baseline.json");
  if (!again || *again != *loaded) __builtin_trap();
  return 0;
}
