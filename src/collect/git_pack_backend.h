// Stage 1 (collect): riskgate's own object reader (collect/pack) as the first backend of a
// libgit2 handle's object database. libgit2 then reads every commit, tree and blob a diff needs
// through it: libdeflate instead of zlib (a fifth of a range check's CPU went to zlib), a
// delta-base cache per handle, and every object hashed against its id once per store, as the
// history audit hashes them (libgit2's own reads are not verified: git_internal.h). Loose
// objects are looked up by their path when asked, not listed (a hook's repository may hold
// thousands). An object in none of the store's packs and no loose file (a pack written after
// it opened) is left to libgit2's own backends; one it holds but cannot read, or that is not
// what its id names, is an error, never a fall back. So is every read when the store does not
// open (a damaged pack, index or alternates file): libgit2 would read the same files unhashed.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "collect/pack/object_reader.h"
#include "core/error.h"

struct git_repository;

namespace riskgate::collect {

// The object store of one repository, opened on the first read of any handle that shares it
// (a hook that reads a few objects pays little), with the ids hashed so far.
class SharedPackStore;

std::shared_ptr<SharedPackStore> NewSharedPackStore(std::string objects_dir);

// One handle's reads through a shared store: its reader and delta-base cache.
class PackReads {
 public:
  explicit PackReads(std::shared_ptr<SharedPackStore> shared) : shared_(std::move(shared)) {}

  // The object `raw_id` names, hashed against the id (once per store); nullopt when the store
  // does not hold it.
  core::Result<std::optional<pack::Object>> Read(std::string_view raw_id);
  // Its kind and size; nullopt when the store does not hold it.
  core::Result<std::optional<pack::ObjectInfo>> Info(std::string_view raw_id);
  bool Holds(std::string_view raw_id);
  // An error when the store did not open (opening it if no read has): nothing may then be read,
  // by it or by libgit2.
  core::Result<void> Usable();
  const std::shared_ptr<SharedPackStore>& store() const { return shared_; }

 private:
  // Where the store holds `raw_id`: in a pack, or the file of a loose object.
  struct Place {
    std::optional<pack::ObjectLocation> packed;
    std::string loose_path;
  };
  // Where `raw_id` is (the reader made); nullopt when the store does not hold it.
  std::optional<Place> Find(std::string_view raw_id);

  std::shared_ptr<SharedPackStore> shared_;
  std::mutex mutex_;  // a handle is used by one thread at a time; this makes sure
  std::optional<pack::ObjectReader> reader_;
};

// Puts a backend reading through `reads` ahead of `repo`'s own.
core::Result<void> AddPackBackend(git_repository* repo, std::shared_ptr<PackReads> reads);

// A repository whose object database is memory alone, for libgit2 to write into (an index
// written as a tree) and read back from: riskgate never writes into a repository. The caller
// frees it (git_repository_free).
core::Result<git_repository*> NewMemoryRepository();

}  // namespace riskgate::collect
