// Stage 1 (collect): the ids of objects whose content was hashed and found to be what the id
// names, shared by every thread reading one object store: a tree read by two threads of a
// history walk is hashed once, not once per thread (hashing trees was a fifth of the walk).
#pragma once

#include <array>
#include <mutex>
#include <unordered_set>

#include "collect/pack/pack_index.h"

namespace riskgate::collect::pack {

class VerifiedIds {
 public:
  bool Contains(const RawId& id) const {
    Shard& shard = ShardOf(id);
    std::lock_guard lock(shard.mutex);
    return shard.ids.contains(id);
  }
  void Insert(const RawId& id) {
    Shard& shard = ShardOf(id);
    std::lock_guard lock(shard.mutex);
    shard.ids.insert(id);
  }

 private:
  struct Shard {
    std::mutex mutex;
    std::unordered_set<RawId, RawIdHash> ids;
  };
  static constexpr std::size_t kShards = 16;
  // By the id's last byte (the hash uses its first ones).
  Shard& ShardOf(const RawId& id) const {
    return shards_[static_cast<unsigned char>(id.bytes.back()) % kShards];
  }

  mutable std::array<Shard, kShards> shards_;
};

}  // namespace riskgate::collect::pack
