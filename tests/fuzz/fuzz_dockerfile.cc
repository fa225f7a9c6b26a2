// Fuzz target: Dockerfiles: instructions, continuations, heredocs, FROM references, RUN shell.
#include "evaluate/pins/dockerfile_analysis.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto analysis =
      riskgate::evaluate::pins::AnalyzeDockerfile(riskgate::fuzz::AsText(data, size));
  for (const auto& from : analysis.unpinned_froms) {
    if (from.line < 1) __builtin_trap();
  }
  return 0;
}
