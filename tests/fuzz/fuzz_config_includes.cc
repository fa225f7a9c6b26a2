// Fuzz target: the include paths of a git configuration file (collect/git_config_includes.h),
// read before libgit2 opens a repository whose `.git` may come from a restored cache. The
// input is the file's text. Oracles: reading ends without a crash; every path is non-empty and
// holds no NUL; each byte of a path comes from a byte of the input, so together they are no
// longer than it. (That the paths are the ones libgit2 includes is checked against libgit2 in
// tests/unit/collect/git_config_includes_test.cc, on 4,000 random configs.)
#include <cstddef>
#include <string>

#include "collect/git_config_includes.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = riskgate::fuzz::AsText(data, size);
  std::size_t total = 0;
  for (const std::string& path : riskgate::collect::ConfigIncludePaths(input)) {
    if (path.empty() || path.find('\0') != std::string::npos) __builtin_trap();
    total += path.size();
  }
  if (total > input.size()) __builtin_trap();
  return 0;
}
