// Fuzz target: the waiver file (.riskgate/waivers.yaml) and `riskgate waive`'s edit of it.
// Oracle: when a file loads cleanly, appending an entry either yields a file with exactly one
// more waiver or one that fails to load (which `waive` then refuses to write).
#include "fuzz_input.h"
#include "policy/waivers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto text = fuzz::AsText(data, size);
  core::Diagnostics diagnostics;
  const auto waivers = policy::LoadWaivers(text, "waivers.yaml", diagnostics);
  if (!diagnostics.empty()) return 0;
  policy::Waiver added;
  added.id = "fuzz-added-entry";
  added.rule = "github-pat-classic";
  added.reason = "fuzz \"quoted\" \\ reason";
  added.owner = "alice";
  added.approver = "@org/team";
  added.created = 20000;
  added.expires = 20010;
  for (const auto& w : waivers) {
    if (w.id == added.id) return 0;
  }
  core::Diagnostics after;
  const auto appended =
      policy::LoadWaivers(policy::AppendWaiver(text, added), "waivers.yaml", after);
  if (after.empty() && appended.size() != waivers.size() + 1) __builtin_trap();
  return 0;
}
