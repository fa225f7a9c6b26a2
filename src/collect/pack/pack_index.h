// Stage 1 (collect): a pack's index (.idx, versions 1 and 2, SHA-1): which objects the pack
// holds and where each starts. Parsed from bytes it does not own (a mapped file): sizes and
// fan-out order at once, sorted ids and offsets inside the pack when asked (WholeFault).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::collect::pack {

inline constexpr std::size_t kIdBytes = 20;  // SHA-1; SHA-256 repositories use libgit2's reader

// A raw object id held by value: a map key without a heap allocation of its own (20 bytes do
// not fit std::string's inline buffer, and a history walk keeps hundreds of thousands).
struct RawId {
  std::array<char, kIdBytes> bytes{};
  // `raw` must be kIdBytes long (ids parsed from trees and indexes are); longer is cut, shorter
  // padded with zeros.
  static RawId From(std::string_view raw) {
    RawId id;
    std::memcpy(id.bytes.data(), raw.data(), std::min(raw.size(), kIdBytes));
    return id;
  }
  // The id 2 * kIdBytes hex digits (either case) spell; nullopt for any other text.
  static std::optional<RawId> FromHex(std::string_view hex);
  bool operator==(const RawId&) const = default;
};

// Object ids are SHA-1 hashes: their first bytes are as good a hash as any.
struct RawIdHash {
  std::size_t operator()(const RawId& id) const {
    std::size_t hash = 0;
    std::memcpy(&hash, id.bytes.data(), sizeof hash);
    return hash;
  }
};

// The big-endian 32-bit number at `at` (the caller has checked that 4 bytes are there).
inline std::uint32_t ReadBe32(std::string_view bytes, std::size_t at) {
  std::uint32_t value;
  std::memcpy(&value, bytes.data() + at, sizeof value);
  return __builtin_bswap32(value);
}

// Whether raw id `a` sorts before `b` (kIdBytes bytes each): their first 8 bytes as one number
// tell nearly always.
inline bool IdBefore(std::string_view a, std::string_view b) {
  std::uint64_t x;
  std::uint64_t y;
  std::memcpy(&x, a.data(), sizeof x);
  std::memcpy(&y, b.data(), sizeof y);
  if (x != y) return __builtin_bswap64(x) < __builtin_bswap64(y);
  return std::memcmp(a.data() + 8, b.data() + 8, kIdBytes - 8) < 0;
}

// Where `raw_id` (kIdBytes bytes) is among sorted ids that a fan-out table (256 big-endian
// counts at `fanout` in `bytes`, checked in order) divides by first byte; `id_at(i)` gives the
// i-th. Ids are hashes, spread evenly: the bytes after the first tell about where this one sits
// among those sharing its first byte. From that guess, steps doubling in its direction bracket
// it, so a lookup reads a few neighbouring ids instead of a binary search's dozen far-apart ones
// (each a cache miss in a large index). Any order is searched correctly.
template <class IdAt>
std::optional<std::uint32_t> FindInFanout(std::string_view bytes, std::size_t fanout,
                                          std::string_view raw_id, const IdAt& id_at) {
  if (raw_id.size() != kIdBytes) return std::nullopt;
  const auto first = static_cast<unsigned char>(raw_id[0]);
  std::uint32_t low = first == 0 ? 0 : ReadBe32(bytes, fanout + 4 * (first - 1));
  std::uint32_t high = ReadBe32(bytes, fanout + 4 * first);
  if (low >= high) return std::nullopt;
  const auto order_at = [&](std::uint32_t i) {
    return std::memcmp(id_at(i).data(), raw_id.data(), kIdBytes);
  };
  const std::uint64_t fraction = ReadBe32(raw_id, 1);
  const std::uint32_t guess =
      low + static_cast<std::uint32_t>((std::uint64_t{high - low} * fraction) >> 32);
  const int at_guess = order_at(guess);
  if (at_guess == 0) return guess;
  if (at_guess < 0) {  // after the guess
    std::uint32_t below = guess;
    for (std::uint64_t step = 1;; step *= 2) {
      if (guess + step >= high) break;
      const auto probe = static_cast<std::uint32_t>(guess + step);
      const int order = order_at(probe);
      if (order == 0) return probe;
      if (order > 0) {
        high = probe;
        break;
      }
      below = probe;
    }
    low = below + 1;
  } else {  // before the guess
    std::uint32_t above = guess;
    for (std::uint64_t step = 1;; step *= 2) {
      if (step > guess - low) break;
      const auto probe = static_cast<std::uint32_t>(guess - step);
      const int order = order_at(probe);
      if (order == 0) return probe;
      if (order < 0) {
        low = probe + 1;
        break;
      }
      above = probe;
    }
    high = above;
  }
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    const int order = order_at(mid);
    if (order == 0) return mid;
    if (order < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return std::nullopt;
}

// Checks a fan-out table (256 big-endian counts at `fanout`, which `bytes` holds) against the
// `count` ids it divides: counts in order, the last one `count`. Lookups (FindInFanout) then
// stay inside the ids whatever they hold. The reason for the first fault, or nullopt.
inline std::optional<std::string> FanoutFault(std::string_view bytes, std::size_t fanout,
                                              std::uint32_t count) {
  std::uint32_t previous = 0;
  for (std::size_t b = 0; b < 256; ++b) {
    const std::uint32_t value = ReadBe32(bytes, fanout + 4 * b);
    if (value < previous) return "its fan-out table is not in order";
    previous = value;
  }
  if (previous != count) return "its fan-out table does not count its ids";
  return std::nullopt;
}

// Checks the ids `id_at` gives against a fan-out table FanoutFault accepted: sorted and unique,
// each in its first byte's bucket. A lookup finds only an id it names; this is what makes every
// id it lists found at its place (ObjectStore::Distinct relies on it). The reason, or nullopt.
template <class IdAt>
std::optional<std::string> IdOrderFault(std::string_view bytes, std::size_t fanout,
                                        const IdAt& id_at) {
  // Bucket by bucket: each id has its bucket's first byte and sorts after the one before.
  std::uint32_t i = 0;
  for (std::size_t b = 0; b < 256; ++b) {
    const std::uint32_t end = ReadBe32(bytes, fanout + 4 * b);
    for (; i < end; ++i) {
      const std::string_view id = id_at(i);
      if (static_cast<unsigned char>(id[0]) != b) return "its fan-out table does not match its ids";
      if (i > 0 && !IdBefore(id_at(i - 1), id)) return "its ids are not sorted";
    }
  }
  return std::nullopt;
}

// Offset() of an entry whose large offset is not in the index: no pack holds it, so a read there
// fails (PackFile::EntryAt) instead of reading past the index.
inline constexpr std::uint64_t kNoOffset = ~std::uint64_t{0};

class PackIndex {
 public:
  // `bytes` must outlive the index; `pack_size` is the size of the .pack it indexes (every
  // offset must fall before its trailing checksum). `name` is for messages. Checks what every
  // lookup relies on to stay inside the index: header, sizes, fan-out. What depends on every
  // entry (WholeFault) is left to whoever needs it: a hook that looks a few objects up in an
  // index of millions need not read all of them.
  static core::Result<PackIndex> Parse(std::string_view bytes, std::uint64_t pack_size,
                                       const std::string& name);
  // The rest of an index's checks, over every entry: ids sorted and unique, each offset inside
  // the pack (after its header, before its checksum) and each large one in the table. The
  // reason for the first fault, or nullopt. Without them a lookup may miss an id the index
  // holds, or give a place no object starts at: every object read is hashed against its id.
  std::optional<std::string> WholeFault() const;

  std::uint32_t size() const { return count_; }
  // The i-th id in sorted order: kIdBytes raw bytes.
  std::string_view Id(std::uint32_t i) const;
  // Where the i-th object starts in the pack; kNoOffset when its large offset is not there.
  std::uint64_t Offset(std::uint32_t i) const;
  // The position of `raw_id` (kIdBytes bytes), if the pack holds it.
  std::optional<std::uint32_t> Find(std::string_view raw_id) const;
  // The pack's own checksum, as the index records it.
  std::string_view pack_checksum() const;

 private:
  std::string_view bytes_;
  int version_ = 2;
  std::uint32_t count_ = 0;
  std::size_t ids_ = 0;      // where the ids start
  std::size_t offsets_ = 0;  // v2: the 32-bit offsets
  std::size_t large_ = 0;    // v2: the 64-bit offsets
  std::uint32_t large_count_ = 0;
  std::uint64_t pack_size_ = 0;
};

}  // namespace riskgate::collect::pack
