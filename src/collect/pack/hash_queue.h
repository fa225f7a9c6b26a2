// Stage 1 (collect): objects read but not yet hashed against their ids, hashed together (sixteen
// or two at a time where the CPU allows: collect/pack/sha1_lanes.h) once the queue is full, or
// when its owner must know. The full-history sweep queues blobs, the history walk trees; neither
// passes on anything learnt from an object before its queue has verified it. 64 objects keep
// sixteen lanes busy where sizes differ (16 left most lanes idle behind the largest: 3.2
// against 5.0 GB/s for sizes spread to 60 KB).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "collect/pack/object_reader.h"
#include "collect/pack/pack_index.h"

namespace riskgate::collect::pack {

class HashQueue {
 public:
  static constexpr std::size_t kMaxObjects = 64;
  static constexpr std::size_t kMaxBytes = 4 << 20;

  explicit HashQueue(ObjectKind kind) : kind_(kind) {}

  // Queues `object`, read for `id`; `tag` is the caller's (the sweep's entry number).
  void Add(const RawId& id, Object object, std::size_t tag = 0) {
    bytes_ += object.bytes != nullptr ? object.bytes->size() : 0;
    ids_.push_back(id);
    objects_.push_back(std::move(object));
    tags_.push_back(tag);
  }
  bool full() const { return objects_.size() >= kMaxObjects || bytes_ >= kMaxBytes; }
  bool empty() const { return objects_.empty(); }
  std::size_t size() const { return objects_.size(); }
  const RawId& id(std::size_t i) const { return ids_[i]; }
  const Object& object(std::size_t i) const { return objects_[i]; }
  std::size_t tag(std::size_t i) const { return tags_[i]; }

  // The first queued object that is not of the queue's kind or not what its id names, or
  // size() when each is.
  std::size_t FirstMisnamed() const {
    std::vector<std::string_view> ids;
    ids.reserve(ids_.size());
    for (const RawId& id : ids_) ids.emplace_back(id.bytes.data(), id.bytes.size());
    return pack::FirstMisnamed(objects_, kind_, ids);
  }
  void Clear() {
    ids_.clear();
    objects_.clear();
    tags_.clear();
    bytes_ = 0;
  }

 private:
  ObjectKind kind_;
  std::vector<RawId> ids_;
  std::vector<Object> objects_;  // beside ids_: hashed as they are, not copied
  std::vector<std::size_t> tags_;
  std::size_t bytes_ = 0;
};

}  // namespace riskgate::collect::pack
