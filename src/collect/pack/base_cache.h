// Stage 1 (collect): the delta-base cache of one reader (one thread): recently read objects by
// where they are stored, least recently used first out, within a byte budget. Reading a pack in
// offset order, a delta's base was almost always read just before it.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

namespace riskgate::collect::pack {

enum class ObjectKind : std::uint8_t { kCommit = 1, kTree = 2, kBlob = 3, kTag = 4 };

struct Object {
  ObjectKind kind = ObjectKind::kBlob;
  std::shared_ptr<const std::string> bytes;
};

class BaseCache {
 public:
  explicit BaseCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // The object stored at `key`, or an empty Object (bytes null).
  Object Get(std::uint64_t key);
  // Keeps `object` unless it alone would take more than a quarter of the budget.
  void Put(std::uint64_t key, const Object& object);
  std::size_t used() const { return used_; }

 private:
  struct Slot {
    std::uint64_t key;
    Object object;
  };
  std::size_t budget_;
  std::size_t used_ = 0;
  std::list<Slot> order_;  // most recently used first
  std::unordered_map<std::uint64_t, std::list<Slot>::iterator> slots_;
};

// The cache key of an object in pack `pack` at `offset` (offsets stay below 2^48).
inline std::uint64_t CacheKey(std::uint32_t pack, std::uint64_t offset) {
  return (std::uint64_t{pack} << 48) ^ offset;
}

}  // namespace riskgate::collect::pack
