// bench/pack_read: reads every object of a repository with riskgate's own reader
// (collect/pack/) and, with --verify, compares each with what libgit2 reads (kind and bytes).
// Prints the time to read every blob in pack order on N threads (each with its own delta-base
// cache), the time libgit2 takes for the same blobs in id order, and the peak RSS. With
// --trees, it also reads every tree in pack order, hashes each against its id and parses it,
// and counts what a history audit's tree graph would hold (its subtree entries): what
// judging a full history's trees in pack order would cost, against the walk's reads in
// commit order (bench/README.md).
//
//   pack_read_bench REPO [--threads N] [--cache-mb M] [--verify] [--libgit2] [--trees] [--fresh]
#include <git2.h>
#include <sys/resource.h>

#include <atomic>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/tree_object.h"

namespace {

using riskgate::collect::pack::ObjectKind;
using riskgate::collect::pack::ObjectReader;
using riskgate::collect::pack::ObjectStore;
using riskgate::collect::pack::StoredEntry;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Reads the objects of `kind` among `entries` in pack order on `threads` threads, each a
// contiguous slice and a reader of its own (a failed read counts in `errors`). `make()` runs once
// per thread and gives the callable that takes each object read (object, delta shape when
// `shapes`, index), then nullptr once the slice ends.
template <class Make>
void ReadEach(const ObjectStore& store, const std::vector<StoredEntry>& entries, ObjectKind kind,
              unsigned threads, std::size_t cache_bytes, bool shapes,
              std::atomic<std::uint64_t>& errors, const Make& make) {
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      ObjectReader reader(store, cache_bytes);
      auto take = make();
      const std::size_t begin = entries.size() * t / threads;
      const std::size_t end = entries.size() * (t + 1) / threads;
      for (std::size_t i = begin; i < end; ++i) {
        auto found = reader.Kind(entries[i].where);
        if (!found) {
          ++errors;
          continue;
        }
        if (*found != kind) continue;
        std::optional<ObjectReader::DeltaShape> shape;
        auto object = reader.Read(entries[i].where, shapes ? &shape : nullptr);
        if (!object) {
          ++errors;
          continue;
        }
        take(&*object, std::move(shape), i);
      }
      take(nullptr, std::nullopt, entries.size());
    });
  }
  for (auto& worker : workers) worker.join();
}

git_object_t GitType(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kCommit:
      return GIT_OBJECT_COMMIT;
    case ObjectKind::kTree:
      return GIT_OBJECT_TREE;
    case ObjectKind::kBlob:
      return GIT_OBJECT_BLOB;
    case ObjectKind::kTag:
      return GIT_OBJECT_TAG;
  }
  return GIT_OBJECT_INVALID;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: pack_read_bench REPO [--threads N] [--cache-mb M] [--verify] [--libgit2] "
                 "[--trees] [--fresh]\n");
    return 2;
  }
  std::string repo = argv[1];
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::size_t cache_mb = 64;
  bool verify = false;
  bool libgit2_timing = false;
  bool trees = false;
  bool fresh_only = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc)
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (arg == "--cache-mb" && i + 1 < argc)
      cache_mb = std::stoul(argv[++i]);
    else if (arg == "--verify")
      verify = true;
    else if (arg == "--libgit2")
      libgit2_timing = true;
    else if (arg == "--trees")
      trees = true;
    else if (arg == "--fresh")
      trees = fresh_only = true;
  }
  const std::string objects =
      std::filesystem::exists(repo + "/.git/objects") ? repo + "/.git/objects" : repo + "/objects";
  auto start = Clock::now();
  auto store = ObjectStore::Open(objects);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
    return 2;
  }
  // Each id once, at the copy lookups give (a multi-pack index's choice where there is one).
  std::vector<StoredEntry> entries = (*store)->Distinct((*store)->Enumerate());
  std::printf(
      "objects: %zu in %zu packs (%zu under %zu multi-pack index) and %zu loose; listed in %.2f "
      "s\n",
      entries.size(), (*store)->packs().size(), (*store)->covered_packs(),
      (*store)->multi_pack_indexes(), (*store)->loose_paths().size(), Seconds(start));

  // Every blob, pack order, contiguous slices per thread.
  std::atomic<std::uint64_t> blobs{0}, blob_bytes{0}, errors{0};
  start = Clock::now();
  ReadEach(**store, entries, ObjectKind::kBlob, threads, cache_mb << 20, false, errors, [&] {
    return [&](riskgate::collect::pack::Object* object,
               std::optional<ObjectReader::DeltaShape> /*shape*/, std::size_t /*index*/) {
      if (object == nullptr) return;
      ++blobs;
      blob_bytes += object->bytes->size();
    };
  });
  const double ours = Seconds(start);
  std::printf(
      "riskgate reader: %llu blobs, %.1f MB, %.2f s on %u threads (%llu errors); peak RSS %ld MB\n",
      static_cast<unsigned long long>(blobs.load()), static_cast<double>(blob_bytes.load()) / 1e6,
      ours, threads, static_cast<unsigned long long>(errors.load()), PeakRssMb());

  if (trees) {
    // Every object's id in one flat table (its first 8 bytes, then the list's index), as a tree
    // pass would find each entry's blob: which blobs some tree names.
    const int bits = static_cast<int>(std::bit_width(entries.size() * 2));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> slots(std::size_t{1} << bits);
    const auto prefix_of = [](std::string_view id) {
      std::uint64_t prefix = 0;
      std::memcpy(&prefix, id.data(), sizeof prefix);
      return prefix;
    };
    const auto home = [&](std::uint64_t prefix) {
      return static_cast<std::size_t>((prefix * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
    };
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::uint64_t prefix = prefix_of(entries[i].id);
      std::size_t at = home(prefix);
      while (slots[at].second != 0) at = (at + 1) & mask;
      slots[at] = {prefix, static_cast<std::uint32_t>(i + 1)};
    }
    const auto find = [&](std::string_view id) -> std::size_t {
      const std::uint64_t prefix = prefix_of(id);
      for (std::size_t at = home(prefix); slots[at].second != 0; at = (at + 1) & mask) {
        if (slots[at].first == prefix && entries[slots[at].second - 1].id == id) {
          return slots[at].second - 1;
        }
      }
      return entries.size();
    };
    std::vector<std::atomic<unsigned char>> named(entries.size());
    // Every tree, pack order, each thread a contiguous slice: read, hashed against its id 64 at a
    // time, parsed; its entries and subtree entries counted, each blob entry looked up.
    std::atomic<std::uint64_t> tree_count{0}, tree_bytes{0}, tree_entries{0}, subtrees{0},
        misnamed{0}, looked_up{0};
    const double cpu0 = CpuSeconds();
    start = Clock::now();
    ReadEach(**store, entries, ObjectKind::kTree, threads, cache_mb << 20, true, errors, [&] {
      return [&, batch = std::vector<riskgate::collect::pack::Object>(),
              ids = std::vector<std::string_view>(),
              shapes = std::vector<std::optional<ObjectReader::DeltaShape>>()](
                 riskgate::collect::pack::Object* read,
                 std::optional<ObjectReader::DeltaShape> shape, std::size_t index) mutable {
        const auto flush = [&] {
          const std::size_t bad =
              riskgate::collect::pack::FirstMisnamed(batch, ObjectKind::kTree, ids);
          if (bad != batch.size()) ++misnamed;
          for (std::size_t b = 0; b < batch.size(); ++b) {
            const auto& object = batch[b];
            auto parsed = riskgate::collect::pack::ParsedTree::Parse(object.bytes);
            if (!parsed) {
              ++errors;
              continue;
            }
            tree_entries += parsed->size();
            std::uint64_t local = 0;
            // With --fresh, only entries a delta did not copy whole from its base are looked
            // up: the base, another tree, names the others.
            const auto* copied = shapes[b] ? &shapes[b]->copied : nullptr;
            std::size_t range = 0;
            for (std::size_t e = 0; e < parsed->size(); ++e) {
              const auto entry = (*parsed)[e];
              if (entry.mode == riskgate::collect::pack::EntryMode::kTree) {
                ++local;
                continue;
              }
              if (fresh_only && copied != nullptr) {
                const std::string_view raw = parsed->Raw(e);
                const auto begin = static_cast<std::uint64_t>(raw.data() - object.bytes->data());
                const auto end = begin + raw.size();
                while (range < copied->size() && (*copied)[range].end <= begin) ++range;
                if (range < copied->size() && (*copied)[range].begin <= begin &&
                    end <= (*copied)[range].end) {
                  continue;
                }
              }
              ++looked_up;
              if (const std::size_t at = find(entry.id); at < entries.size()) {
                named[at].store(1, std::memory_order_relaxed);
              }
            }
            subtrees += local;
          }
          batch.clear();
          ids.clear();
          shapes.clear();
        };
        if (read != nullptr) {
          ++tree_count;
          tree_bytes += read->bytes->size();
          batch.push_back(std::move(*read));
          ids.push_back(entries[index].id);
          shapes.push_back(std::move(shape));
        }
        if (batch.size() == 64 || (read == nullptr && !batch.empty())) flush();
      };
    });
    std::uint64_t named_count = 0;
    for (const auto& flag : named) named_count += flag.load(std::memory_order_relaxed);
    std::printf(
        "trees: %llu, %.1f MB, read, hashed and parsed in %.2f s on %u threads (%.2f CPU-s, "
        "%llu misnamed, %llu errors); %llu entries, %llu of them subtrees (%.1f MB as 8-byte "
        "edges); %llu blob entries looked up, %llu objects named; peak RSS %ld MB\n",
        static_cast<unsigned long long>(tree_count.load()),
        static_cast<double>(tree_bytes.load()) / 1e6, Seconds(start), threads, CpuSeconds() - cpu0,
        static_cast<unsigned long long>(misnamed.load()),
        static_cast<unsigned long long>(errors.load()),
        static_cast<unsigned long long>(tree_entries.load()),
        static_cast<unsigned long long>(subtrees.load()),
        static_cast<double>(subtrees.load()) * 8 / 1e6,
        static_cast<unsigned long long>(looked_up.load()),
        static_cast<unsigned long long>(named_count), PeakRssMb());
  }
  if (!verify && !libgit2_timing) return errors.load() == 0 ? 0 : 1;
  git_libgit2_init();
  git_repository* handle = nullptr;
  if (git_repository_open_ext(&handle, repo.c_str(), 0, nullptr) != 0) {
    std::fprintf(stderr, "libgit2 cannot open %s\n", repo.c_str());
    return 2;
  }
  git_odb* odb = nullptr;
  git_repository_odb(&odb, handle);
  std::uint64_t mismatches = 0, compared = 0;
  start = Clock::now();
  ObjectReader reader(**store, cache_mb << 20);
  std::vector<const StoredEntry*> by_id;
  for (const auto& entry : entries) by_id.push_back(&entry);
  std::sort(by_id.begin(), by_id.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const StoredEntry* entry : by_id) {
    git_oid oid;
    std::memcpy(oid.id, entry->id.data(), GIT_OID_RAWSZ);
    git_odb_object* object = nullptr;
    if (git_odb_read(&object, odb, &oid) != 0) {
      ++mismatches;
      continue;
    }
    if (verify) {
      // Looked up by id, as every reader but the sweep finds it: the place the list holds.
      const auto at = (*store)->Locate(entry->id);
      if (!at || at->pack != entry->where.pack || at->offset != entry->where.offset) ++mismatches;
      auto ours_object = reader.Read(entry->where);
      const auto* data = static_cast<const char*>(git_odb_object_data(object));
      const std::size_t size = git_odb_object_size(object);
      if (!ours_object || GitType(ours_object->kind) != git_odb_object_type(object) ||
          ours_object->bytes->size() != size ||
          std::memcmp(ours_object->bytes->data(), data, size) != 0) {
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, &oid);
        std::fprintf(stderr, "mismatch: %s\n", hex);
        ++mismatches;
      }
    }
    ++compared;
    git_odb_object_free(object);
  }
  std::printf("%s: %llu objects, %llu mismatches, %.2f s (libgit2 reads in id order, one thread)\n",
              verify ? "verified against libgit2" : "libgit2",
              static_cast<unsigned long long>(compared),
              static_cast<unsigned long long>(mismatches), Seconds(start));
  git_odb_free(odb);
  git_repository_free(handle);
  git_libgit2_shutdown();
  return mismatches == 0 && errors.load() == 0 ? 0 : 1;
}
