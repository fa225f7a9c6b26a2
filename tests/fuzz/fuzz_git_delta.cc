// Fuzz target: git's delta format (collect/pack/git_delta.h). The first two bytes give the base's
// length; the base follows, then the delta. Oracles: an applied delta is exactly the size it
// declares, and a delta whose declared base size differs from the base is refused; its copied
// ranges are in order inside the result, each a run of the base's bytes, and applying it with
// them gives the same bytes; where the base decodes to nothing, the result decodes around its
// changes exactly as it decodes whole (evaluate/secrets/span_decoder.h).
#include <vector>

#include "collect/pack/git_delta.h"
#include "evaluate/secrets/span_decoder.h"
#include "fuzz_input.h"

namespace {

bool Same(const riskgate::evaluate::secrets::DecodedText& a,
          const riskgate::evaluate::secrets::DecodedText& b) {
  if (a.text != b.text || a.truncated != b.truncated || a.spans.size() != b.spans.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.spans.size(); ++i) {
    if (a.spans[i].source_begin != b.spans[i].source_begin ||
        a.spans[i].source_end != b.spans[i].source_end || a.spans[i].begin != b.spans[i].begin ||
        a.spans[i].end != b.spans[i].end || a.spans[i].encoding != b.spans[i].encoding) {
      return false;
    }
  }
  return true;
}

}  // namespace

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
  using riskgate::evaluate::secrets::DecodeLimits;
  using riskgate::evaluate::secrets::DecodeSpans;
  DecodeLimits limits;
  limits.budget = 256;  // small, so that running out is fuzzed too
  limits.max_span = 64;
  const auto before = DecodeSpans(base, limits);
  if (before.text.empty() && !before.truncated &&
      !Same(riskgate::evaluate::secrets::DecodeSpansOutside(*applied, copied, limits),
            DecodeSpans(*applied, limits))) {
    __builtin_trap();
  }
  return 0;
}
