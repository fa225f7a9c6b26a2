// Fuzz target: riskgate's pack reader (collect/pack/): an index and a pack from one input (the
// first 4 bytes, big-endian, give the index's length; the pack follows it), opened with every
// check, then every object read with its delta chain. Oracles: an object that reads has the
// size and kind its header gives (Info), and never more than the reader's limit; the index
// finds each id it holds at its place, and an id one bit away only where it holds that one.
#include <cstring>
#include <string>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::collect::pack;
  if (size < 4) return 0;
  const std::size_t idx_size = (std::size_t{data[0]} << 24) | (std::size_t{data[1]} << 16) |
                               (std::size_t{data[2]} << 8) | data[3];
  const std::string_view rest = riskgate::fuzz::AsText(data + 4, size - 4);
  if (idx_size > rest.size()) return 0;
  auto pack = PackFile::FromBytes(std::string(rest.substr(idx_size)),
                                  std::string(rest.substr(0, idx_size)), "fuzz.pack");
  if (!pack) return 0;
  std::vector<std::unique_ptr<PackFile>> packs;
  packs.push_back(std::move(*pack));
  const PackIndex& index = packs.front()->index();
  for (std::uint32_t i = 0; i < index.size() && i < 4096; ++i) {
    const auto found = index.Find(index.Id(i));
    if (!found || *found != i) __builtin_trap();
    std::string other(index.Id(i));
    other.back() = static_cast<char>(other.back() ^ 1);
    if (const auto near = index.Find(other); near && index.Id(*near) != other) __builtin_trap();
  }
  auto store = ObjectStore::FromPacks(std::move(packs));
  constexpr std::uint64_t kLimit = 1 << 20;
  ObjectReader reader(*store, 1 << 20, kLimit);
  int read = 0;
  for (const auto& entry : store->Enumerate()) {
    if (++read > 256) break;
    auto info = reader.Info(entry.where);
    auto object = reader.Read(entry.where);
    if (!object) continue;
    if (object->bytes->size() > kLimit) __builtin_trap();
    if (!info || info->size != object->bytes->size() || info->kind != object->kind)
      __builtin_trap();
  }
  return 0;
}
