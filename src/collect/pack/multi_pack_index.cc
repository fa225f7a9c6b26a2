#include "collect/pack/multi_pack_index.h"

#include <cstring>

namespace riskgate::collect::pack {
namespace {

constexpr std::size_t kHeaderBytes = 12;
constexpr std::size_t kChunkRowBytes = 12;  // a 4-byte chunk id, an 8-byte offset
constexpr std::size_t kFanoutBytes = 256 * 4;
constexpr std::uint32_t kPackNames = 0x504e414d;     // "PNAM"
constexpr std::uint32_t kFanout = 0x4f494446;        // "OIDF"
constexpr std::uint32_t kIds = 0x4f49444c;           // "OIDL"
constexpr std::uint32_t kOffsets = 0x4f4f4646;       // "OOFF"
constexpr std::uint32_t kLargeOffsets = 0x4c4f4646;  // "LOFF"
constexpr std::uint32_t kLargeOffsetNeeded = 0x80000000u;

std::uint64_t ReadBe64(std::string_view bytes, std::size_t at) {
  return (std::uint64_t{ReadBe32(bytes, at)} << 32) | ReadBe32(bytes, at + 4);
}

struct Chunk {
  std::size_t at = 0;
  std::size_t size = 0;
  bool found = false;
};

}  // namespace

core::Result<std::optional<MultiPackIndex>> MultiPackIndex::Parse(std::string_view bytes,
                                                                  const std::string& name) {
  auto corrupt = [&](const std::string& what) {
    return core::MakeError(core::ErrorCode::kRepository, "corrupt multi-pack index: " + what, name);
  };
  if (bytes.size() < kHeaderBytes + kChunkRowBytes + kIdBytes) return corrupt("too short");
  if (std::memcmp(bytes.data(), "MIDX", 4) != 0) return corrupt("no MIDX signature");
  const auto version = static_cast<unsigned char>(bytes[4]);
  const auto hash_version = static_cast<unsigned char>(bytes[5]);
  const auto chunk_count = static_cast<unsigned char>(bytes[6]);
  const auto base_files = static_cast<unsigned char>(bytes[7]);
  // Versions 1 and 2 differ only in whether pack names must be sorted; SHA-256 ids and layers
  // of an incremental chain are left to the packs' own indexes.
  if ((version != 1 && version != 2) || hash_version != 1 || base_files != 0) {
    return std::optional<MultiPackIndex>();
  }
  const std::uint32_t pack_count = ReadBe32(bytes, 8);
  const std::size_t table_end = kHeaderBytes + (std::size_t{chunk_count} + 1) * kChunkRowBytes;
  const std::size_t data_end = bytes.size() - kIdBytes;  // the trailing checksum
  if (table_end > data_end) return corrupt("its chunk table runs past its end");
  // Each chunk runs to where the next row's starts; the last row (id 0) marks the end.
  Chunk names, fanout, ids, offsets, large;
  for (std::size_t row = 0; row < chunk_count; ++row) {
    const std::size_t at = kHeaderBytes + row * kChunkRowBytes;
    const std::uint32_t id = ReadBe32(bytes, at);
    const std::uint64_t begin = ReadBe64(bytes, at + 4);
    const std::uint64_t end = ReadBe64(bytes, at + kChunkRowBytes + 4);
    if (id == 0) return corrupt("a chunk id of zero before the table's end");
    if (begin < table_end || end < begin || end > data_end) {
      return corrupt("a chunk lies outside the file");
    }
    Chunk* chunk = id == kPackNames      ? &names
                   : id == kFanout       ? &fanout
                   : id == kIds          ? &ids
                   : id == kOffsets      ? &offsets
                   : id == kLargeOffsets ? &large
                                         : nullptr;
    if (chunk == nullptr) continue;  // bitmapped packs, reverse index, ...: not needed here
    if (chunk->found) return corrupt("a chunk given twice");
    *chunk = Chunk{static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin), true};
  }
  if (ReadBe32(bytes, kHeaderBytes + std::size_t{chunk_count} * kChunkRowBytes) != 0) {
    return corrupt("its chunk table does not end with a zero id");
  }
  if (!names.found || !fanout.found || !ids.found || !offsets.found) {
    return corrupt("a required chunk (PNAM, OIDF, OIDL, OOFF) is missing");
  }
  MultiPackIndex index;
  index.bytes_ = bytes;
  if (fanout.size != kFanoutBytes) return corrupt("its fan-out chunk is not 1024 bytes");
  index.fanout_ = fanout.at;
  index.count_ = ReadBe32(bytes, fanout.at + kFanoutBytes - 4);
  const std::uint64_t n = index.count_;
  if (ids.size != n * kIdBytes) return corrupt("its id chunk does not hold its ids");
  if (offsets.size != n * 8) return corrupt("its offset chunk does not hold its offsets");
  if (large.found && large.size % 8 != 0) return corrupt("its large-offset chunk is cut short");
  index.ids_ = ids.at;
  index.offsets_ = offsets.at;
  index.large_ = large.at;
  index.large_count_ = large.found ? large.size / 8 : 0;
  // Pack names: NUL-terminated, one per pack, then padding of NULs.
  const std::string_view listed = bytes.substr(names.at, names.size);
  std::size_t pos = 0;
  for (std::uint32_t p = 0; p < pack_count; ++p) {
    const std::size_t end = listed.find('\0', pos);
    if (end == std::string_view::npos || end == pos) return corrupt("its pack names are cut short");
    index.pack_names_.emplace_back(listed.substr(pos, end - pos));
    pos = end + 1;
  }
  if (listed.find_first_not_of('\0', pos) != std::string_view::npos) {
    return corrupt("more pack names than its header counts");
  }
  if (auto fault = FanoutFault(bytes, index.fanout_, index.count_)) return corrupt(*fault);
  return std::optional<MultiPackIndex>(std::move(index));
}

std::optional<std::string> MultiPackIndex::WholeFault() const {
  if (auto fault = IdOrderFault(bytes_, fanout_, [this](std::uint32_t i) { return Id(i); })) {
    return fault;
  }
  for (std::uint32_t i = 0; i < count_; ++i) {
    const std::size_t at = offsets_ + 8 * std::size_t{i};
    if (ReadBe32(bytes_, at) >= pack_names_.size()) return "an object in a pack it does not name";
    const std::uint32_t small = ReadBe32(bytes_, at + 4);
    if ((small & kLargeOffsetNeeded) != 0 && (small & ~kLargeOffsetNeeded) >= large_count_) {
      return "an offset points past its large-offset table";
    }
  }
  return std::nullopt;
}

std::optional<MultiPackIndex::Place> MultiPackIndex::PlaceOf(std::uint32_t i) const {
  const std::size_t at = offsets_ + 8 * std::size_t{i};
  const std::uint32_t pack = ReadBe32(bytes_, at);
  const std::uint32_t small = ReadBe32(bytes_, at + 4);
  if (pack >= pack_names_.size()) return std::nullopt;
  if ((small & kLargeOffsetNeeded) == 0) return Place{pack, small};
  if ((small & ~kLargeOffsetNeeded) >= large_count_) return std::nullopt;
  return Place{pack, ReadBe64(bytes_, large_ + 8 * std::size_t{small & ~kLargeOffsetNeeded})};
}

std::optional<std::uint32_t> MultiPackIndex::Find(std::string_view raw_id) const {
  return FindInFanout(bytes_, fanout_, raw_id, [this](std::uint32_t i) { return Id(i); });
}

}  // namespace riskgate::collect::pack
