// Stage 1 (collect): every blob of a repository's object store, read once, in the order the packs
// store them (a delta's base just before it), on several threads with riskgate's own reader
// (collect/pack/), and classified exactly as HistorySource::ReadBlob classifies one (the same
// BlobContent: text, binary with its magic, too large, LFS pointer, undecodable). Unlike git's
// and libgit2's reads, each blob read is hashed: its content must be the object its id names. The
// history audit prefilters blobs this way before it walks commits, so that walking reads no clean
// blob.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "collect/history_source.h"
#include "core/error.h"

namespace riskgate::collect {

class GitRepository;

// Called from several threads at once, once per distinct blob id (40 hex digits).
using BlobSink = std::function<void(const std::string& id, BlobContent content)>;

// Sweeps `repo`'s objects (and its alternates) with `threads` threads; true when it did. Not
// applied (false, no error) where the environment relocates the object store (GIT_OBJECT_DIRECTORY,
// GIT_ALTERNATE_OBJECT_DIRECTORIES). A corrupt pack, index or
// object is an error (kRepository), as for libgit2's reads.
core::Result<bool> SweepBlobs(const GitRepository& repo, int threads, std::int64_t max_bytes,
                              const BlobSink& sink);

}  // namespace riskgate::collect
