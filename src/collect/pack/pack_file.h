// Stage 1 (collect): one pack (.pack and its .idx, both mapped): its entries' headers and their
// inflated bytes. Delta entries are returned as deltas; resolving them is object_reader.h's job.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "collect/pack/mapped_file.h"
#include "collect/pack/pack_index.h"
#include "core/error.h"

namespace riskgate::collect::pack {

// Git's object types as a pack numbers them.
enum class EntryType : std::uint8_t {
  kCommit = 1,
  kTree = 2,
  kBlob = 3,
  kTag = 4,
  kOfsDelta = 6,
  kRefDelta = 7,
};

struct PackEntry {
  EntryType type = EntryType::kBlob;
  std::uint64_t size = 0;         // inflated size (of the delta itself for a delta)
  std::uint64_t data = 0;         // where its zlib stream starts
  std::uint64_t base_offset = 0;  // kOfsDelta: where its base starts in this pack
  std::string_view base_id;       // kRefDelta: its base's id (kIdBytes raw bytes)
};

class PackFile {
 public:
  // Opens `pack_path` (…/pack-<checksum>.pack) and the .idx beside it; checks the pack's header
  // and that both agree on the object count and the pack's checksum.
  static core::Result<std::unique_ptr<PackFile>> Open(const std::string& pack_path);
  // The same checks on bytes held in memory (the fuzz target and tests); `name` is for messages.
  static core::Result<std::unique_ptr<PackFile>> FromBytes(std::string pack, std::string idx,
                                                           const std::string& name);

  const PackIndex& index() const { return index_; }
  const std::string& path() const { return path_; }

  // The header of the entry at `offset` (an offset the index gives, or a delta's base offset).
  core::Result<PackEntry> EntryAt(std::uint64_t offset) const;
  // The entry's inflated bytes (exactly entry.size of them).
  core::Result<std::string> Inflate(const PackEntry& entry) const;
  // Lets the mapped pages of pack bytes [begin, end) go (collect/pack/mapped_file.h).
  void Release(std::uint64_t begin, std::uint64_t end) const {
    pack_file_.Release(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  }
  std::uint64_t size() const { return pack_.size(); }
  // The first bytes (at most `limit`) of the entry's inflated bytes: a delta's sizes.
  core::Result<std::string> InflatePrefix(const PackEntry& entry, std::size_t limit) const;

 private:
  core::Result<void> Check(const std::string& idx_name);

  std::string path_;
  MappedFile pack_file_;  // mapped, or
  MappedFile idx_file_;
  std::string pack_copy_;  // held (FromBytes)
  std::string idx_copy_;
  std::string_view pack_;
  std::string_view idx_;
  PackIndex index_;
};

}  // namespace riskgate::collect::pack
