#include "collect/pack/base_cache.h"

namespace riskgate::collect::pack {

Object BaseCache::Get(std::uint64_t key) {
  const auto found = slots_.find(key);
  if (found == slots_.end()) return {};
  order_.splice(order_.begin(), order_, found->second);
  return found->second->object;
}

void BaseCache::Put(std::uint64_t key, const Object& object) {
  const std::size_t size = object.bytes->size();
  if (size > budget_ / 4 || slots_.count(key) != 0) return;
  order_.push_front({key, object});
  slots_[key] = order_.begin();
  used_ += size;
  while (used_ > budget_ && !order_.empty()) {
    used_ -= order_.back().object.bytes->size();
    slots_.erase(order_.back().key);
    order_.pop_back();
  }
}

}  // namespace riskgate::collect::pack
