// Fuzz target: CODEOWNERS (GitHub and GitLab dialects; the first byte picks). Oracle: every
// owner a lookup returns passed validation, so it is never empty.
#include "fuzz_input.h"
#include "policy/codeowners.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto [variant, text] = fuzz::Variant(fuzz::AsText(data, size), 2);
  core::Diagnostics diagnostics;
  const auto dialect =
      variant == 0 ? policy::CodeownersDialect::kGithub : policy::CodeownersDialect::kGitlab;
  const auto codeowners = policy::ParseCodeowners(text, "CODEOWNERS", dialect, diagnostics);
  for (const char* path : {"src/auth/login.cc", "README.md", "a/b/c/d.go", "docs"}) {
    for (const auto& required : policy::OwnersOf(codeowners, path)) {
      for (const auto& owner : required.owners) {
        if (owner.empty()) __builtin_trap();
      }
      if (required.approvals < 1) __builtin_trap();
    }
  }
  return 0;
}
