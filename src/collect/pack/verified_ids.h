// Stage 1 (collect): the ids of objects whose content was hashed and found to be what the id
// names, shared by every thread reading one object store: a tree read by two threads of a
// history walk is hashed once, not once per thread (hashing trees was a fifth of the walk).
// Each shard is an open-addressing table of ids (linear probing, grown at half full): a lookup
// reads one or two slots of a flat array, where a node-based set chased a pointer per bucket
// and compared 20 bytes per node (a tenth of a small history audit's CPU went to the two).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <random>
#include <vector>

#include "collect/pack/pack_index.h"

namespace riskgate::collect::pack {

class VerifiedIds {
 public:
  bool Contains(const RawId& id) const {
    Shard& shard = ShardOf(id);
    std::lock_guard lock(shard.mutex);
    return shard.Contains(id, Mix(id));
  }
  void Insert(const RawId& id) {
    Shard& shard = ShardOf(id);
    std::lock_guard lock(shard.mutex);
    shard.Insert(id, Mix(id));
  }

 private:
  struct Slot {
    RawId id;
    bool used = false;
  };
  struct Shard {
    std::mutex mutex;
    std::vector<Slot> slots;  // 2^bits long, or empty
    int bits = 0;
    std::size_t count = 0;

    // Where `hash`'s run starts: its top bits (a multiplicative hash mixes every bit up there).
    std::size_t Home(std::uint64_t hash) const {
      return static_cast<std::size_t>(hash >> (64 - bits));
    }
    bool Contains(const RawId& id, std::uint64_t hash) const {
      if (slots.empty()) return false;
      const std::size_t mask = slots.size() - 1;
      for (std::size_t i = Home(hash);; i = (i + 1) & mask) {
        if (!slots[i].used) return false;
        if (slots[i].id == id) return true;
      }
    }
    void Insert(const RawId& id, std::uint64_t hash) {
      if (2 * (count + 1) > slots.size()) Grow();
      const std::size_t mask = slots.size() - 1;
      for (std::size_t i = Home(hash);; i = (i + 1) & mask) {
        if (!slots[i].used) {
          slots[i] = Slot{id, true};
          ++count;
          return;
        }
        if (slots[i].id == id) return;
      }
    }
    void Grow() {
      std::vector<Slot> old = std::move(slots);
      bits = old.empty() ? 6 : bits + 1;
      slots.assign(std::size_t{1} << bits, Slot{});
      count = 0;
      for (const Slot& slot : old) {
        if (slot.used) Insert(slot.id, Mix(slot.id));
      }
    }
  };
  static constexpr std::size_t kShards = 16;

  // The id's first 8 bytes with a key drawn once per process, multiplied (Fibonacci hashing):
  // a repository cannot grind objects whose ids share a slot and make every lookup walk a long
  // run, as it could ids that share their first bytes.
  static std::uint64_t Mix(const RawId& id) {
    static const std::uint64_t key =
        std::random_device{}() | (std::uint64_t{std::random_device{}()} << 32);
    return (std::uint64_t{RawIdHash{}(id)} ^ key) * 0x9e3779b97f4a7c15ULL;
  }
  // By the id's last byte (the table uses its first ones).
  Shard& ShardOf(const RawId& id) const {
    return shards_[static_cast<unsigned char>(id.bytes.back()) % kShards];
  }

  mutable std::array<Shard, kShards> shards_;
};

}  // namespace riskgate::collect::pack
