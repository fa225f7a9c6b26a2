// Fuzz target: git's delta format (collect/pack/git_delta.h). The first two bytes give the base's
// length; the base follows, then the delta. Oracles: an applied delta is exactly the size it
// declares, and a delta whose declared base size differs from the base is refused; its copied
// ranges are in order inside the result, each a run of the base's bytes, and applying it with
// them gives the same bytes.
#include <vector>

#include "collect/pack/git_delta.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::collect::pack;
  if (size < 2) return 0;
  const std::size_t base_size = (std::size_t{data[0]} << 8) | data[1];
  const std::string_view rest = riskgate::fuzz::AsText(data + 2, size - 2);
  if (base_size > rest.size()) return 0;
  const std::string_view base = rest.substr(0, base_size);
  const std::string_view delta = rest.substr(base_size);
  auto sizes = ReadDeltaSizes(delta);
  auto applied = ApplyDelta(base, delta);
  if (!applied) return 0;
  if (!sizes || applied->size() != sizes->result || sizes->base != base.size()) __builtin_trap();
  std::vector<CopiedRange> copied;
  auto again = ApplyDelta(base, delta, &copied);
  if (!again || *again != *applied) __builtin_trap();
  std::uint64_t after = 0;
  for (const CopiedRange& range : copied) {
    if (range.begin < after || range.end <= range.begin || range.end > applied->size()) {
      __builtin_trap();
    }
    const std::string_view run(applied->data() + range.begin, range.end - range.begin);
    if (base.find(run) == std::string_view::npos) __builtin_trap();
    after = range.end;
  }
  return 0;
}
