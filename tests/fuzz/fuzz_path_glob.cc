// Fuzz target: path globs (policy, CODEOWNERS-style patterns, GitLab local includes): a glob and
// a path separated by a NUL byte. Oracles: a literal pattern matches itself, and a malformed
// glob never matches.
#include "core/path_glob.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::core;
  const auto [pattern, path] = riskgate::fuzz::SplitAtNul(riskgate::fuzz::AsText(data, size));
  const bool matched = MatchPathGlob(pattern, path);
  if (matched && PathGlobError(pattern)) __builtin_trap();
  if (!HasGlobSyntax(pattern) && MatchPathGlob(pattern, pattern) != true) __builtin_trap();
  return 0;
}
