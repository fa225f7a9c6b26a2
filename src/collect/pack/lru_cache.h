// Stage 1 (collect): a least-recently-used cache within a byte budget, for one thread. The
// object reader keeps delta bases in one (BaseCache), the history walk parsed trees.
// Entries sit in one vector, linked by index in recency order; an open-addressing index
// (linear probing, grown at half full, emptied slots closed up by backward shifting) finds them
// by key. A node-based map and list allocated and freed a node each per entry, and their
// lookups (a division, a pointer chased per bucket) took a tenth of a history walk's time.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <utility>
#include <vector>

namespace riskgate::collect::pack {

template <class Key, class Value, class Hash = std::hash<Key>>
class LruCache {
 public:
  explicit LruCache(std::size_t budget_bytes)
      : budget_(budget_bytes), max_entry_(budget_bytes / 4) {}
  // With entries of up to `max_entry_bytes` each (at most the budget).
  LruCache(std::size_t budget_bytes, std::size_t max_entry_bytes)
      : budget_(budget_bytes), max_entry_(std::min(max_entry_bytes, budget_bytes)) {}

  // The value kept for `key` (now the most recently used), or nullptr.
  const Value* Get(const Key& key) {
    const std::size_t slot = Find(key, Mix(key));
    if (index_.empty() || index_[slot] == kNone) return nullptr;
    const std::uint32_t e = index_[slot];
    Unlink(e);
    PushFront(e);
    return &entries_[e].value;
  }

  // Keeps `value` (costing `size` bytes) unless it alone would take more than a quarter of the
  // budget (or the bound it was made with); the least recently used go until the rest fits.
  void Put(const Key& key, Value value, std::size_t size) {
    if (size > max_entry_) return;
    const std::uint64_t hash = Mix(key);
    if (!index_.empty() && index_[Find(key, hash)] != kNone) return;
    if (2 * (count_ + 1) > index_.size()) Grow();
    std::uint32_t e = 0;
    if (free_ != kNone) {
      e = free_;
      free_ = entries_[e].next;
      entries_[e].key = key;
      entries_[e].value = std::move(value);
    } else {
      e = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back(Entry{key, std::move(value)});
    }
    entries_[e].size = size;
    entries_[e].hash = hash;
    index_[Find(key, hash)] = e;
    ++count_;
    PushFront(e);
    used_ += size;
    while (used_ > budget_ && tail_ != kNone) Evict(tail_);
  }

  std::size_t used() const { return used_; }
  std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Entry {
    Key key;
    Value value;
    std::size_t size = 0;
    std::uint64_t hash = 0;
    std::uint32_t prev = kNone;  // more recently used; next: less (or the free list's next)
    std::uint32_t next = kNone;
  };

  // The key's hash with a key drawn once per process, multiplied (Fibonacci hashing): the top
  // bits place it. Keys come from the repository (ids, pack offsets): without the random key,
  // a crafted pack could pile them onto one run of slots.
  static std::uint64_t Mix(const Key& key) {
    static const std::uint64_t secret =
        std::random_device{}() | (std::uint64_t{std::random_device{}()} << 32);
    return (static_cast<std::uint64_t>(Hash{}(key)) ^ secret) * 0x9e3779b97f4a7c15ULL;
  }
  std::size_t Home(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> (64 - bits_));
  }
  // The slot holding `key`, or the empty slot where it would go (index_ not empty).
  std::size_t Find(const Key& key, std::uint64_t hash) const {
    if (index_.empty()) return 0;
    const std::size_t mask = index_.size() - 1;
    for (std::size_t i = Home(hash);; i = (i + 1) & mask) {
      const std::uint32_t e = index_[i];
      if (e == kNone || (entries_[e].hash == hash && entries_[e].key == key)) return i;
    }
  }
  void Grow() {
    bits_ = index_.empty() ? 4 : bits_ + 1;
    index_.assign(std::size_t{1} << bits_, kNone);
    const std::size_t mask = index_.size() - 1;
    for (std::uint32_t e = head_; e != kNone; e = entries_[e].next) {
      std::size_t i = Home(entries_[e].hash);
      while (index_[i] != kNone) i = (i + 1) & mask;
      index_[i] = e;
    }
  }
  // Empties slot `hole`, moving later entries of its run back so that every entry stays
  // reachable from its home without crossing an empty slot.
  void Erase(std::size_t hole) {
    const std::size_t mask = index_.size() - 1;
    for (std::size_t j = (hole + 1) & mask; index_[j] != kNone; j = (j + 1) & mask) {
      const std::size_t home = Home(entries_[index_[j]].hash);
      // The entry at j stays when its home lies cyclically in (hole, j].
      const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (stays) continue;
      index_[hole] = index_[j];
      hole = j;
    }
    index_[hole] = kNone;
  }
  void Evict(std::uint32_t e) {
    Erase(Find(entries_[e].key, entries_[e].hash));
    Unlink(e);
    used_ -= entries_[e].size;
    entries_[e].value = Value{};  // lets its memory go now
    entries_[e].next = free_;
    free_ = e;
    --count_;
  }
  void Unlink(std::uint32_t e) {
    Entry& entry = entries_[e];
    (entry.prev != kNone ? entries_[entry.prev].next : head_) = entry.next;
    (entry.next != kNone ? entries_[entry.next].prev : tail_) = entry.prev;
    entry.prev = entry.next = kNone;
  }
  void PushFront(std::uint32_t e) {
    entries_[e].prev = kNone;
    entries_[e].next = head_;
    (head_ != kNone ? entries_[head_].prev : tail_) = e;
    head_ = e;
  }

  std::size_t budget_;
  std::size_t max_entry_ = 0;
  std::size_t used_ = 0;
  std::size_t count_ = 0;
  std::vector<Entry> entries_;        // live ones linked head_..tail_, the rest from free_
  std::vector<std::uint32_t> index_;  // 2^bits_ slots of entry indexes, or empty
  int bits_ = 0;
  std::uint32_t head_ = kNone;  // most recently used
  std::uint32_t tail_ = kNone;  // least recently used
  std::uint32_t free_ = kNone;
};

}  // namespace riskgate::collect::pack
