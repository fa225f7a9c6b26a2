#include "collect/pack/pack_index.h"

#include <cstring>

#include "core/text.h"

namespace riskgate::collect::pack {

std::optional<RawId> RawId::FromHex(std::string_view hex) {
  if (hex.size() != 2 * kIdBytes) return std::nullopt;
  RawId id;
  for (std::size_t i = 0; i < kIdBytes; ++i) {
    const int high = core::HexDigitValue(hex[2 * i]);
    const int low = core::HexDigitValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    id.bytes[i] = static_cast<char>(high * 16 + low);
  }
  return id;
}

namespace {

constexpr std::size_t kFanoutBytes = 256 * 4;

std::uint64_t Be64(std::string_view bytes, std::size_t at) {
  return (std::uint64_t{ReadBe32(bytes, at)} << 32) | ReadBe32(bytes, at + 4);
}

}  // namespace

core::Result<PackIndex> PackIndex::Parse(std::string_view bytes, std::uint64_t pack_size,
                                         const std::string& name) {
  auto corrupt = [&](const std::string& what) {
    return core::MakeError(core::ErrorCode::kRepository, "corrupt pack index: " + what, name);
  };
  PackIndex index;
  index.bytes_ = bytes;
  std::size_t fanout = 0;
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\377tOc", 4) == 0) {
    if (ReadBe32(bytes, 4) != 2) return corrupt("version " + std::to_string(ReadBe32(bytes, 4)));
    index.version_ = 2;
    fanout = 8;
  } else {
    index.version_ = 1;
  }
  if (bytes.size() < fanout + kFanoutBytes + 2 * kIdBytes) return corrupt("too short");
  index.count_ = ReadBe32(bytes, fanout + kFanoutBytes - 4);  // checked with the fan-out
  const std::uint64_t n = index.count_;
  const std::size_t tables = fanout + kFanoutBytes;
  const std::uint64_t trailer = 2 * kIdBytes;
  if (index.version_ == 1) {
    if (bytes.size() != tables + n * (4 + kIdBytes) + trailer) return corrupt("wrong size");
    index.ids_ = tables + 4;
  } else {
    const std::uint64_t fixed = tables + n * (kIdBytes + 4 + 4) + trailer;
    if (bytes.size() < fixed || (bytes.size() - fixed) % 8 != 0) return corrupt("wrong size");
    index.ids_ = tables;
    index.offsets_ = tables + n * (kIdBytes + 4);
    index.large_ = index.offsets_ + n * 4;
    index.large_count_ = static_cast<std::uint32_t>((bytes.size() - fixed) / 8);
  }
  index.pack_size_ = pack_size;
  if (auto fault = FanoutFault(bytes, fanout, index.count_)) return corrupt(*fault);
  return index;
}

std::optional<std::string> PackIndex::WholeFault() const {
  if (auto fault =
          IdOrderFault(bytes_, version_ == 1 ? 0 : 8, [this](std::uint32_t i) { return Id(i); })) {
    return fault;
  }
  // Offsets inside the pack: after its 12-byte header, before its checksum.
  for (std::uint32_t i = 0; i < count_; ++i) {
    if (version_ == 2) {
      const std::uint32_t small = ReadBe32(bytes_, offsets_ + 4 * std::size_t{i});
      if ((small & 0x80000000u) != 0 && (small & 0x7fffffffu) >= large_count_) {
        return "an offset points past its large-offset table";
      }
    }
    const std::uint64_t offset = Offset(i);
    if (offset < 12 || offset + kIdBytes >= pack_size_) return "an offset lies outside the pack";
  }
  return std::nullopt;
}

std::string_view PackIndex::Id(std::uint32_t i) const {
  const std::size_t stride = version_ == 1 ? 4 + kIdBytes : kIdBytes;
  return bytes_.substr(ids_ + std::size_t{i} * stride, kIdBytes);
}

std::uint64_t PackIndex::Offset(std::uint32_t i) const {
  if (version_ == 1) return ReadBe32(bytes_, ids_ - 4 + std::size_t{i} * (4 + kIdBytes));
  const std::uint32_t small = ReadBe32(bytes_, offsets_ + 4 * std::size_t{i});
  if ((small & 0x80000000u) == 0) return small;
  if ((small & 0x7fffffffu) >= large_count_) return kNoOffset;
  return Be64(bytes_, large_ + 8 * std::size_t{small & 0x7fffffffu});
}

std::optional<std::uint32_t> PackIndex::Find(std::string_view raw_id) const {
  return FindInFanout(bytes_, version_ == 1 ? 0 : 8, raw_id,
                      [this](std::uint32_t i) { return Id(i); });
}

std::string_view PackIndex::pack_checksum() const {
  return bytes_.substr(bytes_.size() - 2 * kIdBytes, kIdBytes);
}

}  // namespace riskgate::collect::pack
