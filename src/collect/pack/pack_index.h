// Stage 1 (collect): a pack's index (.idx, versions 1 and 2, SHA-1): which objects the pack
// holds and where each starts. Parsed from bytes it does not own (a mapped file) and checked
// whole before use: sizes, fan-out order, sorted ids, offsets inside the pack.
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
std::uint32_t ReadBe32(std::string_view bytes, std::size_t at);

class PackIndex {
 public:
  // `bytes` must outlive the index; `pack_size` is the size of the .pack it indexes (every
  // offset must fall before its trailing checksum). `name` is for messages.
  static core::Result<PackIndex> Parse(std::string_view bytes, std::uint64_t pack_size,
                                       const std::string& name);

  std::uint32_t size() const { return count_; }
  // The i-th id in sorted order: kIdBytes raw bytes.
  std::string_view Id(std::uint32_t i) const;
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
};

}  // namespace riskgate::collect::pack
