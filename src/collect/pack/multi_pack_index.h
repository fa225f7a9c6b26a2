// Stage 1 (collect): a multi-pack index (objects/pack/multi-pack-index, version 1, SHA-1), which
// `git multi-pack-index write`, `git repack --write-midx` and `git maintenance` leave beside many
// packs: one sorted table of the objects of all of them, each with the pack and offset of the
// copy git chose. One lookup instead of one per pack. Parsed from bytes it does not own (a
// mapped file): header, chunk table, pack names and fan-out at once; sorted ids, pack numbers
// and large offsets when asked (WholeFault). It only ever speeds lookups up: the store reads
// what it points at and hashes it against the id, as it does for every pack index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/pack/pack_index.h"
#include "core/error.h"

namespace riskgate::collect::pack {

class MultiPackIndex {
 public:
  // nullopt: a well-formed file riskgate does not read (another version, SHA-256 ids, or part
  // of an incremental chain); the packs' own indexes serve then. An error: a corrupt one.
  // `bytes` must outlive the index; `name` is for messages.
  static core::Result<std::optional<MultiPackIndex>> Parse(std::string_view bytes,
                                                           const std::string& name);
  // The checks over every entry (PackIndex::WholeFault): ids sorted and unique, each object's
  // pack named and its large offset in the table. The reason for the first fault, or nullopt.
  std::optional<std::string> WholeFault() const;

  std::uint32_t size() const { return count_; }
  // The packs it covers by their index file names ("pack-<checksum>.idx"), in its order: an
  // object's pack number (Place::pack) is a position here.
  const std::vector<std::string>& pack_names() const { return pack_names_; }
  // The i-th id in sorted order: kIdBytes raw bytes.
  std::string_view Id(std::uint32_t i) const {
    return bytes_.substr(ids_ + i * kIdBytes, kIdBytes);
  }
  struct Place {
    std::uint32_t pack = 0;  // into pack_names()
    std::uint64_t offset = 0;
  };
  // The i-th object's place; nullopt when its pack number or large offset is not in the index
  // (WholeFault says so for the whole index).
  std::optional<Place> PlaceOf(std::uint32_t i) const;
  // The position of `raw_id` (kIdBytes bytes), if the index lists it.
  std::optional<std::uint32_t> Find(std::string_view raw_id) const;

 private:
  std::string_view bytes_;
  std::uint32_t count_ = 0;
  std::size_t fanout_ = 0;   // OIDF
  std::size_t ids_ = 0;      // OIDL
  std::size_t offsets_ = 0;  // OOFF: (pack, offset) pairs of big-endian 32-bit numbers
  std::size_t large_ = 0;    // LOFF: 64-bit offsets
  std::uint64_t large_count_ = 0;
  std::vector<std::string> pack_names_;
};

}  // namespace riskgate::collect::pack
