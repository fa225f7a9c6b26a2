// Fuzz target: a policy file (.riskgate.yaml) as a pull request could write it. Any rule pack it
// names reads as a small valid pack, so the fuzzer explores the policy schema itself.
#include "fuzz_input.h"
#include "policy/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = riskgate::fuzz::AsText(data, size);
  auto read = [](const std::string& path) -> riskgate::core::Result<std::string> {
    if (path.find("missing") != std::string::npos) {
      return riskgate::core::MakeError(riskgate::core::ErrorCode::kIo, "no such file", path);
    }
    return std::string(
        "pack: fuzz\nrules:\n  - id: fuzz-token\n    description: a token\n"
        "    severity: high\n    regex: 'fz_[a-z0-9]{16}'\n    keywords: [fz_]\n");
  };
  auto policy = riskgate::policy::LoadPolicy(text, "fuzz.yaml", read);
  if (!policy && policy.error().message.empty()) __builtin_trap();  // errors must explain
  return 0;
}
