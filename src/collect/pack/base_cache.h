// Stage 1 (collect): the delta-base cache of one reader (one thread): recently read objects by
// where they are stored, least recently used first out, within a byte budget. Reading a pack in
// offset order, a delta's base was almost always read just before it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "collect/pack/lru_cache.h"

namespace riskgate::collect::pack {

enum class ObjectKind : std::uint8_t { kCommit = 1, kTree = 2, kBlob = 3, kTag = 4 };

struct Object {
  ObjectKind kind = ObjectKind::kBlob;
  std::shared_ptr<const std::string> bytes;
};

class BaseCache {
 public:
  explicit BaseCache(std::size_t budget_bytes) : lru_(budget_bytes) {}

  // The object stored at `key`, or an empty Object (bytes null).
  Object Get(std::uint64_t key) {
    const Object* hit = lru_.Get(key);
    return hit != nullptr ? *hit : Object{};
  }
  // Keeps `object` unless it alone would take more than a quarter of the budget.
  void Put(std::uint64_t key, const Object& object) { lru_.Put(key, object, object.bytes->size()); }
  std::size_t used() const { return lru_.used(); }

 private:
  LruCache<std::uint64_t, Object> lru_;
};

// The cache key of an object in pack `pack` at `offset` (offsets stay below 2^48).
inline std::uint64_t CacheKey(std::uint32_t pack, std::uint64_t offset) {
  return (std::uint64_t{pack} << 48) ^ offset;
}

}  // namespace riskgate::collect::pack
