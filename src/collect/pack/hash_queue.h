// Stage 1 (collect): objects read but not yet hashed against their ids, hashed together (two
// at a time where the CPU allows: collect/pack/sha1_lanes.h) once the queue is full, or when
// its owner must know. The full-history sweep queues blobs, the history walk trees; neither
// passes on anything learnt from an object before its queue has verified it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "collect/pack/object_reader.h"
#include "collect/pack/pack_index.h"

namespace riskgate::collect::pack {

class HashQueue {
 public:
  static constexpr std::size_t kMaxObjects = 16;
  static constexpr std::size_t kMaxBytes = 4 << 20;

  explicit HashQueue(ObjectKind kind) : kind_(kind) {}

  // Queues `object`, read for `id`; `tag` is the caller's (the sweep's entry number).
  void Add(const RawId& id, Object object, std::size_t tag = 0) {
    bytes_ += object.bytes != nullptr ? object.bytes->size() : 0;
    queued_.push_back(Queued{id, std::move(object), tag});
  }
  bool full() const { return queued_.size() >= kMaxObjects || bytes_ >= kMaxBytes; }
  bool empty() const { return queued_.empty(); }
  std::size_t size() const { return queued_.size(); }
  const RawId& id(std::size_t i) const { return queued_[i].id; }
  const Object& object(std::size_t i) const { return queued_[i].object; }
  std::size_t tag(std::size_t i) const { return queued_[i].tag; }

  // The first queued object that is not of the queue's kind or not what its id names, or
  // size() when each is.
  std::size_t FirstMisnamed() const {
    std::vector<Object> objects;
    std::vector<std::string_view> ids;
    objects.reserve(queued_.size());
    ids.reserve(queued_.size());
    for (const Queued& queued : queued_) {
      objects.push_back(queued.object);
      ids.emplace_back(queued.id.bytes.data(), queued.id.bytes.size());
    }
    return pack::FirstMisnamed(objects, kind_, ids);
  }
  void Clear() {
    queued_.clear();
    bytes_ = 0;
  }

 private:
  struct Queued {
    RawId id;
    Object object;
    std::size_t tag = 0;
  };
  ObjectKind kind_;
  std::vector<Queued> queued_;
  std::size_t bytes_ = 0;
};

}  // namespace riskgate::collect::pack
