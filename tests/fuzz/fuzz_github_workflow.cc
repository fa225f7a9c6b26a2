// Fuzz target: GitHub workflows and action metadata, including their run: scripts and
// ${{ }} expressions, and the taint between files of a repository (local_callers.h): the input
// is read as the callers of itself and judged with what they pass. The first byte picks the
// file kind. The adoption counts (secure_defaults.h) read the same file.
#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/local_callers.h"
#include "evaluate/pins/secure_defaults.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::evaluate::pins;
  const auto [variant, text] = riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), 2);
  static const riskgate::policy::PinsControl pins;
  const auto kind = variant == 0 ? GithubFileKind::kWorkflow : GithubFileKind::kActionMetadata;
  const std::string path = variant == 0 ? ".github/workflows/fuzz.yml" : "action.yml";
  riskgate::collect::PinLookups gathered;
  gathered.callers = FindLocalCallers({{path, std::string(text)}}, pins.untrusted_outputs);
  for (const auto& [callee, inputs] : gathered.callers) {
    for (const auto& [name, input] : inputs) {
      if (name.empty() || input.line < 1) __builtin_trap();
    }
    gathered.callee_sinks[callee] = InputsReachingSinks(text, path, kind, pins);
  }
  for (const auto& issue : CheckGithubFile(text, path, kind, pins, &gathered)) {
    if (issue.rule.empty() || issue.line < 1) __builtin_trap();
  }
  const auto counts = CountSecureDefaults({{path, std::string(text), {}, true}}, {});
  if (counts.uses_pinned > counts.uses || counts.images_pinned > counts.images) __builtin_trap();
  return 0;
}
