// Stage 1 (collect): a least-recently-used cache within a byte budget, for one thread. The
// object reader keeps delta bases in one (BaseCache), the history walk parsed trees.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>

namespace riskgate::collect::pack {

template <class Key, class Value, class Hash = std::hash<Key>>
class LruCache {
 public:
  explicit LruCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // The value kept for `key` (now the most recently used), or nullptr.
  const Value* Get(const Key& key) {
    const auto found = slots_.find(key);
    if (found == slots_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return &found->second->value;
  }

  // Keeps `value` (costing `size` bytes) unless it alone would take more than a quarter of the
  // budget; the least recently used go until the rest fits.
  void Put(const Key& key, Value value, std::size_t size) {
    if (size > budget_ / 4 || slots_.count(key) != 0) return;
    order_.push_front(Slot{key, std::move(value), size});
    slots_[key] = order_.begin();
    used_ += size;
    while (used_ > budget_ && !order_.empty()) {
      used_ -= order_.back().size;
      slots_.erase(order_.back().key);
      order_.pop_back();
    }
  }

  std::size_t used() const { return used_; }

 private:
  struct Slot {
    Key key;
    Value value;
    std::size_t size;
  };
  std::size_t budget_;
  std::size_t used_ = 0;
  std::list<Slot> order_;  // most recently used first
  std::unordered_map<Key, typename std::list<Slot>::iterator, Hash> slots_;
};

}  // namespace riskgate::collect::pack
