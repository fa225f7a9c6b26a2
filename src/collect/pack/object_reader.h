// Stage 1 (collect): reads objects out of an ObjectStore: loose objects inflated and checked,
// pack entries with their delta chains resolved (OFS_DELTA within the pack, REF_DELTA anywhere
// in the store), bases kept in a BaseCache. One reader per thread; the store is shared.
// Every size is checked before anything is allocated for it, delta chains are bounded, and a
// missing base or a corrupt entry is an error (kRepository), never a partial object.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "collect/pack/base_cache.h"
#include "collect/pack/git_delta.h"
#include "collect/pack/object_store.h"
#include "core/error.h"

namespace riskgate::collect::pack {

inline constexpr std::uint64_t kMaxObjectBytes = std::uint64_t{1} << 30;  // any object, a base too
inline constexpr int kMaxDeltaChain = 10000;

struct ObjectInfo {
  ObjectKind kind = ObjectKind::kBlob;
  std::uint64_t size = 0;
};

// Whether `object` is the object `raw_id` names: its kind is `kind` and its content hashes to
// the id (git's "<kind> <size>\0" header, SHA-1). An index that names one object at another's
// place would otherwise hide content from an audit.
bool NamesObject(const Object& object, ObjectKind kind, std::string_view raw_id);

// NamesObject for many objects at once, hashed two at a time where the CPU allows
// (collect/pack/sha1_lanes.h): the index of the first object that is not of `kind` or not what
// its id (raw_ids, as many) names, or objects.size() when each is.
std::size_t FirstMisnamed(std::span<const Object> objects, ObjectKind kind,
                          std::span<const std::string_view> raw_ids);

// NamesObject, hashed once per store: true at once for an id `store` has verified before, else
// hashed and, when it is the object, remembered (shared by every reader of the store).
bool NamesObjectOnce(const ObjectStore& store, const Object& object, ObjectKind kind,
                     std::string_view raw_id);

// The error for an object that is not what its id names.
core::Error NotItsId();

class ObjectReader;

// Reads the object at `where` whole and checks that it is what `raw_id` names (NamesObjectOnce),
// then drops its bytes: for an object larger than a scan reads, whose claimed size alone would
// otherwise let it pass unchecked (a store giving a large harmless object a secret's id, a
// header or a delta that claims a size its content does not have). Nothing is read for an id the
// store has verified already; an object past the reader's limit is an error.
core::Result<void> CheckWhole(ObjectReader& reader, const ObjectStore& store, ObjectLocation where,
                              ObjectKind kind, std::string_view raw_id);

class ObjectReader {
 public:
  // No object (a delta's base included) larger than `max_object_bytes` is inflated: a delta that
  // builds a larger one is an error.
  ObjectReader(const ObjectStore& store, std::size_t cache_bytes,
               std::uint64_t max_object_bytes = kMaxObjectBytes)
      : store_(store), cache_(cache_bytes), max_bytes_(max_object_bytes) {}

  // Kind and size without inflating more than a delta's first bytes.
  core::Result<ObjectInfo> Info(ObjectLocation where);
  // How a delta entry's object was made: where its base is and which of its bytes are copied
  // from the base (git_delta.h).
  struct DeltaShape {
    ObjectLocation base;
    std::vector<CopiedRange> copied;
  };
  // The object's kind alone: a delta's is its base's, from the chain's headers down to a base
  // the cache holds (in pack order, nearly always the delta's own) or a whole entry. Nothing
  // is inflated but a loose object's header.
  core::Result<ObjectKind> Kind(ObjectLocation where);
  // The whole object; with `shape`, set to how it was made when it is a delta (and reset when
  // it is not).
  core::Result<Object> Read(ObjectLocation where, std::optional<DeltaShape>* shape = nullptr);
  // Read, unless the object is larger than `limit` bytes: then nullopt, with `size` set to its
  // size, and nothing made (of a delta, only its own instructions were inflated, to learn it).
  core::Result<std::optional<Object>> ReadAtMost(ObjectLocation where, std::uint64_t limit,
                                                 std::uint64_t& size,
                                                 std::optional<DeltaShape>* shape = nullptr);
  // The loose object in the file at `path` (ObjectStore::LoosePath), or its kind and size.
  core::Result<Object> ReadLooseFile(const std::string& path);
  core::Result<ObjectInfo> LooseFileInfo(const std::string& path);
  const BaseCache& cache() const { return cache_; }
  // About how many pack bytes this reader has touched so far (not fewer, but for deflate's
  // stored blocks, 5 bytes in 65,535): a page for each entry header read and each entry
  // inflated, plus its inflated size. A caller lets the pages go once enough were touched.
  std::uint64_t touched() const { return touched_; }

 private:
  // A loose object, or (bytes null) only its kind and size in `info`: with `header_only`, or
  // when it is larger than `limit` (before the reader's own limit makes that an error).
  core::Result<Object> ReadLoose(std::uint32_t index, bool header_only, ObjectInfo* info,
                                 std::uint64_t limit = UINT64_MAX);
  core::Result<Object> ReadLooseAt(const std::string& path, bool header_only, ObjectInfo* info,
                                   std::uint64_t limit = UINT64_MAX);
  // The size of the object the delta `delta` (stored in `pack`) makes, from its first bytes.
  core::Result<std::uint64_t> ResultSizeOf(const PackFile& pack, const PackEntry& delta);
  // Where the base of the delta `entry` (stored at `where`) is: in its pack, or anywhere in the
  // store for a REF_DELTA whose pack lacks it.
  core::Result<ObjectLocation> BaseOf(ObjectLocation where, const PackEntry& entry) const;
  core::Result<Object> Resolve(ObjectLocation where, int depth);

  // EntryAt and Inflate of `pack`, counted in `touched_`.
  core::Result<PackEntry> EntryAt(const PackFile& pack, std::uint64_t offset);
  core::Result<std::string> Inflate(const PackFile& pack, const PackEntry& entry);

  const ObjectStore& store_;
  BaseCache cache_;
  std::uint64_t max_bytes_;
  std::uint64_t touched_ = 0;
};

}  // namespace riskgate::collect::pack
