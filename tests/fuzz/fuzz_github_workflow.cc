// Fuzz target: GitHub workflows and action metadata, including their run: scripts and
// ${{ }} expressions. The first byte picks the file kind.
#include "evaluate/pins/github_workflow.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::evaluate::pins;
  const auto [variant, text] = riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), 2);
  static const riskgate::policy::PinsControl pins;
  const auto kind = variant == 0 ? GithubFileKind::kWorkflow : GithubFileKind::kActionMetadata;
  const std::string path = variant == 0 ? ".github/workflows/fuzz.yml" : "action.yml";
  for (const auto& issue : CheckGithubFile(text, path, kind, pins)) {
    if (issue.rule.empty() || issue.line < 1) __builtin_trap();
  }
  return 0;
}
