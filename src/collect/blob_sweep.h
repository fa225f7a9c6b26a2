// Stage 1 (collect): every blob of a repository's object store, read once, in the order the packs
// store them (a delta's base just before it), on several threads with riskgate's own reader
// (collect/pack/), and classified exactly as HistorySource::ReadBlob classifies one (what its
// BlobContent says: text, binary with its magic, too large, LFS pointer, undecodable). Unlike git's
// and libgit2's reads, each blob read is hashed: its content must be the object its id names. The
// history audit prefilters blobs this way before it walks commits, so that walking reads no clean
// blob.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "collect/history_source.h"
#include "collect/pack/git_delta.h"
#include "collect/pack/object_store.h"
#include "core/error.h"

namespace riskgate::collect {

class GitRepository;

// A blob as the sweep classified it: BlobContent, with views of the text and magic that hold
// only during the sink's call (text as it is is the object's own bytes: never copied).
struct SweptBlob {
  BlobState state = BlobState::kText;
  std::int64_t size = 0;
  std::string_view text;
  std::string_view magic;
  // Where the store holds a text that is the object's own bytes (unset for any other): one
  // place per blob in a sweep. When that text is a delta's result, its base's place and the
  // text's ranges copied from the base's bytes, which a sink that read the base may not need to
  // read again (a scan that saw the base's bytes saw these too).
  std::optional<pack::ObjectLocation> place;
  std::optional<pack::ObjectLocation> base;
  std::span<const pack::CopiedRange> copied;
};

// Called from several threads at once, once per distinct blob id (40 hex digits).
using BlobSink = std::function<void(const std::string& id, const SweptBlob& blob)>;

// `repo`'s object store (and its alternates) opened for riskgate's own reader, shared by the
// threads that read it; null where the environment relocates it (GIT_OBJECT_DIRECTORY,
// GIT_ALTERNATE_OBJECT_DIRECTORIES), which only libgit2 follows. A corrupt pack or index is an
// error (kRepository).
core::Result<std::shared_ptr<const pack::ObjectStore>> OpenObjectStore(const GitRepository& repo);

// The bytes the store's packs take (0 for a null store): a lower bound of what a sweep inflates.
std::uint64_t StoredBytes(const pack::ObjectStore* store);

// Sweeps `store` (of `repo`) with `threads` threads; true when it did, false (no error) when
// `store` is null. A corrupt object is an error (kRepository), as for libgit2's reads.
core::Result<bool> SweepBlobs(const GitRepository& repo, const pack::ObjectStore* store,
                              int threads, std::int64_t max_bytes, const BlobSink& sink);

}  // namespace riskgate::collect
