// Stage 1 (collect): the delta-base cache of one reader (one thread): recently read objects by
// where they are stored, least recently used first out, within a byte budget, and the last one
// too large for it. Reading a pack in offset order, a delta's base was almost always read just
// before it.
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
  // Objects too large for a quarter of the budget, up to kMaxLarge each, are kept apart, the
  // latest used within kLargeBudget (git's own default core.deltaBaseCacheLimit); a larger one
  // alone, the last put (up to the reader's bound on any object).
  static constexpr std::size_t kMaxLarge = std::size_t{64} << 20;
  static constexpr std::size_t kLargeBudget = std::size_t{96} << 20;

  explicit BaseCache(std::size_t budget_bytes)
      : budget_(budget_bytes), lru_(budget_bytes), large_(kLargeBudget, kMaxLarge) {}

  // The object stored at `key`, or an empty Object (bytes null).
  Object Get(std::uint64_t key) {
    if (huge_.bytes && key == huge_key_) return huge_;
    const Object* hit = lru_.Get(key);
    if (hit == nullptr) hit = large_.Get(key);
    return hit != nullptr ? *hit : Object{};
  }
  // Keeps `object`: in the budget unless it alone would take more than a quarter of it; a
  // larger one (up to kMaxLarge) with the other large ones, so that the many deltas of a few
  // large bases, read in any order (one after another, or taking turns), do not each inflate
  // their base again; one larger still in place of the last such, so that the versions of a
  // huge file, read in pack order (each the delta of the one before), cost a delta each and not
  // the whole chain each (a file too large to scan is still read whole to check its id).
  void Put(std::uint64_t key, const Object& object) {
    const std::size_t size = object.bytes->size();
    if (size <= budget_ / 4) {
      lru_.Put(key, object, size);
    } else if (size <= kMaxLarge) {
      large_.Put(key, object, size);
    } else {
      huge_key_ = key;
      huge_ = object;
    }
  }
  std::size_t used() const {
    return lru_.used() + large_.used() + (huge_.bytes ? huge_.bytes->size() : 0);
  }

 private:
  std::size_t budget_;
  LruCache<std::uint64_t, Object> lru_;
  LruCache<std::uint64_t, Object> large_;
  std::uint64_t huge_key_ = 0;
  Object huge_;
};

// The cache key of an object in pack `pack` at `offset` (offsets stay below 2^48).
inline std::uint64_t CacheKey(std::uint32_t pack, std::uint64_t offset) {
  return (std::uint64_t{pack} << 48) ^ offset;
}

}  // namespace riskgate::collect::pack
