// Issue 21: the byte-budgeted LRU cache behind the delta-base cache and the history walk's
// parsed trees (collect/pack/lru_cache.h), held to a plain list-and-map model under random
// gets and puts, with keys spread out and with every key hashed alike (each lookup then walks
// one run of slots, and every eviction closes a hole inside it).
#include <catch2/catch.hpp>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "collect/pack/base_cache.h"
#include "collect/pack/lru_cache.h"

namespace riskgate::collect::pack {
namespace {

// The cache as specified: most recently used first; a value larger than a quarter of the
// budget is not kept; an existing key is left as it is; the least recently used go first.
class ModelLru {
 public:
  explicit ModelLru(std::size_t budget) : budget_(budget) {}
  const std::string* Get(std::uint64_t key) {
    const auto it = where_.find(key);
    if (it == where_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->value;
  }
  void Put(std::uint64_t key, std::string value, std::size_t size) {
    if (size > budget_ / 4 || where_.count(key) != 0) return;
    order_.push_front(Item{key, std::move(value), size});
    where_[key] = order_.begin();
    used_ += size;
    while (used_ > budget_) {
      used_ -= order_.back().size;
      where_.erase(order_.back().key);
      order_.pop_back();
    }
  }
  std::size_t used() const { return used_; }
  std::size_t size() const { return order_.size(); }

 private:
  struct Item {
    std::uint64_t key;
    std::string value;
    std::size_t size;
  };
  std::size_t budget_;
  std::size_t used_ = 0;
  std::list<Item> order_;
  std::map<std::uint64_t, std::list<Item>::iterator> where_;
};

struct SameHash {
  std::size_t operator()(std::uint64_t) const { return 42; }
};
struct LowBitsHash {  // keys that differ only above bit 40 collide
  std::size_t operator()(std::uint64_t key) const { return key & 0xffffffffffULL; }
};

template <class Hash>
void CheckAgainstModel(std::uint64_t seed, std::uint64_t key_space, std::uint64_t key_stride) {
  constexpr std::size_t kBudget = 4000;
  LruCache<std::uint64_t, std::shared_ptr<const std::string>, Hash> cache(kBudget);
  ModelLru model(kBudget);
  std::mt19937_64 random(seed);
  for (int step = 0; step < 60000; ++step) {
    const std::uint64_t key = (random() % key_space) * key_stride;
    if (random() % 3 == 0) {
      const std::size_t size = 1 + random() % 1100;  // now and then above budget / 4
      const std::string value = std::to_string(key) + ":" + std::to_string(step);
      cache.Put(key, std::make_shared<const std::string>(value), size);
      model.Put(key, value, size);
    } else {
      const auto* got = cache.Get(key);
      const std::string* want = model.Get(key);
      REQUIRE((got != nullptr) == (want != nullptr));
      if (got != nullptr) REQUIRE(**got == *want);
    }
    REQUIRE(cache.used() == model.used());
    REQUIRE(cache.size() == model.size());
  }
  // Every key the model holds is there, and no other.
  for (std::uint64_t k = 0; k < key_space; ++k) {
    const std::uint64_t key = k * key_stride;
    const bool held = model.Get(key) != nullptr;
    REQUIRE((cache.Get(key) != nullptr) == held);
  }
}

TEST_CASE("an LRU cache keeps and drops what a plain list and map would, however keys hash",
          "[pack][lru]") {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CheckAgainstModel<std::hash<std::uint64_t>>(seed, 64, 1);
    CheckAgainstModel<std::hash<std::uint64_t>>(seed, 4096, 1);
    CheckAgainstModel<SameHash>(seed, 200, 1);
    CheckAgainstModel<LowBitsHash>(seed, 300, std::uint64_t{1} << 40);
  }
}

TEST_CASE("an LRU cache lets a value go when it is evicted", "[pack][lru]") {
  LruCache<std::uint64_t, std::shared_ptr<const std::string>> cache(100);
  auto first = std::make_shared<const std::string>("first");
  std::weak_ptr<const std::string> watch = first;
  cache.Put(1, std::move(first), 25);
  for (std::uint64_t key = 2; key <= 5; ++key) {
    cache.Put(key, std::make_shared<const std::string>("more"), 25);
  }
  CHECK(cache.Get(1) == nullptr);
  CHECK(watch.expired());  // not held on in a free slot
  CHECK(cache.used() == 100);
  REQUIRE(cache.Get(5) != nullptr);
  // Too large for the budget: not kept, and nothing else is pushed out for it.
  cache.Put(9, std::make_shared<const std::string>("large"), 26);
  CHECK(cache.Get(9) == nullptr);
  CHECK(cache.size() == 4);
}

}  // namespace
TEST_CASE("the delta-base cache keeps the objects too large for its budget apart", "[pack][lru]") {
  BaseCache cache(8 << 20);  // a quarter: 2 MiB
  const auto object = [](std::size_t size) {
    return Object{ObjectKind::kBlob, std::make_shared<const std::string>(size, 'x')};
  };
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  cache.Put(1, object(kMiB));
  cache.Put(2, object(3 * kMiB));  // past a quarter of the budget: kept apart
  REQUIRE(cache.Get(2).bytes);
  CHECK(cache.Get(2).bytes->size() == 3 * kMiB);
  CHECK(cache.Get(1).bytes);  // the budget's objects stay
  CHECK(cache.used() == 4 * kMiB);
  // Two large bases taking turns (deltas of each, alternating) both stay: one slot for the
  // last large object re-inflated each base for every delta.
  cache.Put(3, object(40 * kMiB));
  cache.Put(4, object(40 * kMiB));
  for (int turn = 0; turn < 4; ++turn) {
    CHECK(cache.Get(3).bytes);
    CHECK(cache.Get(4).bytes);
  }
  // The large ones are bounded as git bounds its base cache: the least recently used go.
  cache.Put(5, object(40 * kMiB));
  CHECK(cache.Get(5).bytes);
  CHECK(cache.used() <= 8 * kMiB + BaseCache::kLargeBudget);
  CHECK_FALSE(cache.Get(2).bytes);
  CHECK_FALSE(cache.Get(3).bytes);
  CHECK(cache.Get(4).bytes);
  // Past the bound of one: kept alone, the last such, beside the others.
  cache.Put(6, object(BaseCache::kMaxLarge + 1));
  CHECK(cache.Get(6).bytes);
  CHECK(cache.Get(5).bytes);
  cache.Put(7, object(BaseCache::kMaxLarge + 2));
  CHECK(cache.Get(7).bytes);
  CHECK_FALSE(cache.Get(6).bytes);
  CHECK(cache.Get(5).bytes);
  CHECK_FALSE(cache.Get(8).bytes);
}

}  // namespace riskgate::collect::pack
