#include "collect/pack/pack_file.h"

#include <cstring>

#include "collect/pack/zlib_stream.h"

namespace riskgate::collect::pack {

core::Result<std::unique_ptr<PackFile>> PackFile::Open(const std::string& pack_path) {
  auto file = std::make_unique<PackFile>();
  file->path_ = pack_path;
  const std::string suffix = ".pack";
  if (pack_path.size() <= suffix.size() ||
      pack_path.compare(pack_path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return core::MakeError(core::ErrorCode::kRepository, "not a .pack file", pack_path);
  }
  auto pack = MappedFile::Open(pack_path);
  if (!pack) return tl::unexpected(pack.error());
  file->pack_file_ = std::move(*pack);
  const std::string idx_path = pack_path.substr(0, pack_path.size() - suffix.size()) + ".idx";
  auto idx = MappedFile::Open(idx_path);
  if (!idx) return tl::unexpected(idx.error());
  file->idx_file_ = std::move(*idx);
  file->pack_ = file->pack_file_.bytes();
  file->idx_ = file->idx_file_.bytes();
  if (auto checked = file->Check(idx_path); !checked) return tl::unexpected(checked.error());
  return file;
}

core::Result<std::unique_ptr<PackFile>> PackFile::FromBytes(std::string pack, std::string idx,
                                                            const std::string& name) {
  auto file = std::make_unique<PackFile>();
  file->path_ = name;
  file->pack_copy_ = std::move(pack);
  file->idx_copy_ = std::move(idx);
  file->pack_ = file->pack_copy_;
  file->idx_ = file->idx_copy_;
  if (auto checked = file->Check(name + " (index)"); !checked)
    return tl::unexpected(checked.error());
  return file;
}

core::Result<void> PackFile::Check(const std::string& idx_name) {
  auto corrupt = [&](const std::string& what) {
    return core::MakeError(core::ErrorCode::kRepository, "corrupt pack: " + what, path_);
  };
  if (pack_.size() < 12 + kIdBytes || std::memcmp(pack_.data(), "PACK", 4) != 0) {
    return corrupt("no PACK header");
  }
  const std::uint32_t version = ReadBe32(pack_, 4);
  if (version != 2 && version != 3) return corrupt("version " + std::to_string(version));
  auto index = PackIndex::Parse(idx_, pack_.size(), idx_name);
  if (!index) return tl::unexpected(index.error());
  index_ = *index;
  if (ReadBe32(pack_, 8) != index_.size()) {
    return corrupt("it holds " + std::to_string(ReadBe32(pack_, 8)) + " objects, its index " +
                   std::to_string(index_.size()));
  }
  if (pack_.substr(pack_.size() - kIdBytes) != index_.pack_checksum()) {
    return corrupt("its checksum is not the one its index records");
  }
  return {};
}

core::Result<PackEntry> PackFile::EntryAt(std::uint64_t offset) const {
  const std::string_view bytes = pack_;
  const std::uint64_t end = bytes.size() - kIdBytes;
  auto corrupt = [&](const std::string& what) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "corrupt pack entry at " + std::to_string(offset) + ": " + what, path_);
  };
  if (offset < 12 || offset >= end) return corrupt("outside the pack");
  std::uint64_t pos = offset;
  auto c = static_cast<unsigned char>(bytes[pos++]);
  PackEntry entry;
  const int type = (c >> 4) & 7;
  if (type == 0 || type == 5) return corrupt("type " + std::to_string(type));
  entry.type = static_cast<EntryType>(type);
  entry.size = c & 15;
  int shift = 4;
  while ((c & 0x80) != 0) {
    if (pos >= end || shift > 57) return corrupt("its size does not end");
    c = static_cast<unsigned char>(bytes[pos++]);
    entry.size |= static_cast<std::uint64_t>(c & 0x7f) << shift;
    shift += 7;
  }
  if (entry.type == EntryType::kOfsDelta) {
    if (pos >= end) return corrupt("cut short");
    c = static_cast<unsigned char>(bytes[pos++]);
    std::uint64_t distance = c & 0x7f;
    while ((c & 0x80) != 0) {
      if (pos >= end || distance >= (std::uint64_t{1} << 56))
        return corrupt("its base offset does not end");
      c = static_cast<unsigned char>(bytes[pos++]);
      distance = ((distance + 1) << 7) | (c & 0x7f);
    }
    if (distance == 0 || distance > offset - 12) return corrupt("its base lies outside the pack");
    entry.base_offset = offset - distance;
  } else if (entry.type == EntryType::kRefDelta) {
    if (end - pos < kIdBytes) return corrupt("cut short");
    entry.base_id = bytes.substr(pos, kIdBytes);
    pos += kIdBytes;
  }
  if (pos >= end) return corrupt("no data");
  entry.data = pos;
  return entry;
}

core::Result<std::string> PackFile::Inflate(const PackEntry& entry) const {
  const std::string_view bytes = pack_;
  auto out =
      InflateExactly(bytes.substr(entry.data, bytes.size() - kIdBytes - entry.data), entry.size);
  if (!out) {
    return core::MakeError(out.error().code,
                           out.error().message + " (at " + std::to_string(entry.data) + ")", path_);
  }
  return out;
}

core::Result<std::string> PackFile::InflatePrefix(const PackEntry& entry, std::size_t limit) const {
  const std::string_view bytes = pack_;
  auto out =
      pack::InflatePrefix(bytes.substr(entry.data, bytes.size() - kIdBytes - entry.data), limit);
  if (!out) return core::MakeError(out.error().code, out.error().message, path_);
  return out;
}

}  // namespace riskgate::collect::pack
