// Fuzz target: the other pipeline configuration files the pins control reads as YAML: a
// .github/dependabot.yml and a .pre-commit-config.yaml. The first byte picks the file.
#include "evaluate/pins/dependabot_config.h"
#include "evaluate/pins/pre_commit_config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::evaluate::pins;
  const auto [variant, text] = riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), 2);
  const auto issues = variant == 0 ? CheckDependabotConfig(text, ".github/dependabot.yml")
                                   : CheckPreCommitConfig(text, ".pre-commit-config.yaml");
  for (const auto& issue : issues) {
    if (issue.rule.empty() || issue.line < 1) __builtin_trap();
  }
  return 0;
}
