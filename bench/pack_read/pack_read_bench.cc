// bench/pack_read: reads every object of a repository with riskgate's own reader
// (collect/pack/) and, with --verify, compares each with what libgit2 reads (kind and bytes).
// Prints the time to read every blob in pack order on N threads (each with its own delta-base
// cache), the time libgit2 takes for the same blobs in id order, and the peak RSS.
//
//   pack_read_bench REPO [--threads N] [--cache-mb M] [--verify] [--libgit2]
#include <git2.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"

namespace {

using riskgate::collect::pack::ObjectKind;
using riskgate::collect::pack::ObjectReader;
using riskgate::collect::pack::ObjectStore;
using riskgate::collect::pack::StoredEntry;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
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
    std::fprintf(
        stderr,
        "usage: pack_read_bench REPO [--threads N] [--cache-mb M] [--verify] [--libgit2]\n");
    return 2;
  }
  std::string repo = argv[1];
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::size_t cache_mb = 64;
  bool verify = false;
  bool libgit2_timing = false;
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
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      ObjectReader reader(**store, cache_mb << 20);
      const std::size_t begin = entries.size() * t / threads;
      const std::size_t end = entries.size() * (t + 1) / threads;
      for (std::size_t i = begin; i < end; ++i) {
        auto info = reader.Info(entries[i].where);
        if (!info) {
          ++errors;
          continue;
        }
        if (info->kind != ObjectKind::kBlob) continue;
        auto object = reader.Read(entries[i].where);
        if (!object) {
          ++errors;
          continue;
        }
        ++blobs;
        blob_bytes += object->bytes->size();
      }
    });
  }
  for (auto& worker : workers) worker.join();
  const double ours = Seconds(start);
  std::printf(
      "riskgate reader: %llu blobs, %.1f MB, %.2f s on %u threads (%llu errors); peak RSS %ld MB\n",
      static_cast<unsigned long long>(blobs.load()), static_cast<double>(blob_bytes.load()) / 1e6,
      ours, threads, static_cast<unsigned long long>(errors.load()), PeakRssMb());

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
