// Fuzz target: riskgate's pack reader (collect/pack/): an index and a pack from one input (the
// first 4 bytes, big-endian, give the index's length; the pack follows it), then every object
// read with its delta chain, whether the index's whole check accepts it or not. Oracles: an
// object that reads has the size and kind its header gives (Info), and never more than the
// reader's limit; an index its whole check accepts finds each id it holds at its place, and an
// id one bit away only where it holds that one;
// Kind gives the same kind; read by a cold reader with a limit one byte under its size, the
// object is too large at that size, and at its size it reads the same bytes; the objects read,
// hashed every way Sha1Many has (sha1_lanes.h: two and sixteen lanes), give OpenSSL's digests.
#include <cstring>
#include <string>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/sha1_lanes.h"
#include "fuzz_id_index.h"
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
  // An index its whole check accepts finds its ids; any other is looked up all the same below
  // (Enumerate, and the bases of deltas by id), inside its bytes.
  if (!packs.front()->index().WholeFault())
    riskgate::fuzz::CheckFindsItsIds(packs.front()->index());
  auto store = ObjectStore::FromPacks(std::move(packs));
  constexpr std::uint64_t kLimit = 1 << 20;
  ObjectReader reader(*store, 1 << 20, kLimit);
  int read = 0;
  std::vector<std::string> heads;
  std::vector<Object> objects;
  for (const auto& entry : store->Enumerate()) {
    if (++read > 256) break;
    auto info = reader.Info(entry.where);
    auto kind = reader.Kind(entry.where);
    auto object = reader.Read(entry.where);
    if (!object) continue;
    const std::uint64_t length = object->bytes->size();
    if (length > kLimit) __builtin_trap();
    if (!info || info->size != length || info->kind != object->kind) __builtin_trap();
    if (!kind || *kind != object->kind) __builtin_trap();
    ObjectReader cold(*store, 1 << 20, kLimit);
    std::uint64_t told = 0;
    if (length > 0) {
      auto smaller = cold.ReadAtMost(entry.where, length - 1, told);
      if (!smaller || smaller->has_value() || told != length) __builtin_trap();
    }
    auto fits = cold.ReadAtMost(entry.where, length, told);
    if (!fits || !fits->has_value() || *(*fits)->bytes != *object->bytes) __builtin_trap();
    heads.push_back("blob " + std::to_string(object->bytes->size()) + std::string(1, '\0'));
    objects.push_back(std::move(*object));
  }
  std::vector<Sha1Message> messages;
  for (std::size_t i = 0; i < objects.size(); ++i)
    messages.push_back({heads[i], *objects[i].bytes});
  std::vector<Sha1Digest> single(messages.size());
  Sha1Many(messages, single, Sha1Way::kOneByOne);
  for (const Sha1Way way :
       {Sha1Way::kFastest, Sha1Way::kTwoLanes, Sha1Way::kSixteenLanes, Sha1Way::kSixteenAlone}) {
    std::vector<Sha1Digest> digests(messages.size());
    Sha1Many(messages, digests, way);
    if (digests != single) __builtin_trap();
  }
  return 0;
}
