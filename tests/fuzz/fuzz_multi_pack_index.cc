// Fuzz target: the multi-pack index parser (collect/pack/multi_pack_index.h), on the input as
// a whole file. Oracles: any parsed index is looked up and placed without reading past it
// (ASan); one its whole check accepts finds each id it lists at its position, and an id one bit
// away only where it lists that one, and places every object in one of its packs; a refused
// file says why.
#include <string>

#include "collect/pack/multi_pack_index.h"
#include "fuzz_id_index.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::collect::pack;
  const std::string bytes(riskgate::fuzz::AsText(data, size));
  auto parsed = MultiPackIndex::Parse(bytes, "multi-pack-index");
  if (!parsed) {
    if (parsed.error().message.empty() || parsed.error().location.empty()) __builtin_trap();
    return 0;
  }
  if (!*parsed) return 0;  // a version it leaves aside
  const MultiPackIndex& index = **parsed;
  const auto fault = index.WholeFault();
  if (fault && fault->empty()) __builtin_trap();
  if (!fault) riskgate::fuzz::CheckFindsItsIds(index);
  for (std::uint32_t i = 0; i < index.size() && i < 4096; ++i) {
    const auto place = index.PlaceOf(i);
    if (place ? place->pack >= index.pack_names().size() : !fault) __builtin_trap();
    (void)index.Find(index.Id(i));  // in any order, inside the index
  }
  for (const auto& name : index.pack_names()) {
    if (name.empty() || name.find('\0') != std::string::npos) __builtin_trap();
  }
  return 0;
}
