// Stage 1 (collect): what a history audit reads from the repository. The walk lists every
// commit reachable from the refs (or named revisions) without libgit2's revwalk, which cannot
// walk shallow clones, and records where history stops. A HistorySource reads, for one commit,
// the paths it gives new content with the blob each parent had there, and blob contents. It
// judges nothing. libgit2 handles are single-threaded: open one source per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace riskgate::collect {

class GitRepository;
namespace pack {
class ObjectStore;
}

struct HistoryCommit {
  std::string id;
  std::string author;                // "Name <email>"
  long long time = 0;                // committer time, seconds since the epoch
  std::vector<std::string> parents;  // the parents the repository has
  // Some parent is missing (a shallow or partial clone): judged as if it had none.
  bool boundary = false;
  int generation = 1;        // 1 for a root or boundary, else 1 + the largest of its parents'
  std::string message = {};  // the whole commit message
  std::string tree = {};     // its tree's id
  std::vector<std::string> parent_trees = {};  // parallel to `parents`
  // (path, text) of what the refs leading to this commit carry (a full audit's starts), each
  // judged as metadata of this commit: the refs' names (kRefNamePath) and the annotated tags'
  // names and messages (kTagMessagePath) on the way.
  std::vector<std::pair<const char*, std::string>> ref_texts = {};
  // Set for a tree or blob that only refs reach (HistoryWalk::ref_targets), judged as a root
  // commit that adds it: the first of those refs, by which its files are reported
  // ("<ref>:<path>", as git names them; a blob at "<ref>"). Its id is the object's, `tree` the
  // tree's id, `blob` the blob's.
  std::string ref = {};
  std::string blob = {};
};

// A regular file a commit gives new content: its blob and the blob each parent had at that path
// ("" where the parent had none). A merge lists a path only when no parent had this blob there.
struct PathChange {
  std::string path;
  std::string blob;
  std::vector<std::string> parent_blobs;
};

// A path a commit adds (a file, a symlink or a submodule) or a symlink it gives a new target:
// pushed bytes that are no file's content.
struct PathEntry {
  std::string path;
  std::string link_blob;  // a symlink's blob (its target), else ""
  bool added = false;     // no entry at `path` in the first parent
};

struct CommitChanges {
  std::vector<PathChange> changed;
  std::vector<PathEntry> entries;
  // (path, old blob) of files the commit deletes or rewrites against its first parent: where a
  // moved secret came from.
  std::vector<std::pair<std::string, std::string>> replaced;
};

// kLfsPointer: an LFS pointer whose object is not stored locally (a local one is read instead).
enum class BlobState { kText, kBinary, kTooLarge, kLfsPointer, kMissing, kUndecodable };

struct BlobContent {
  BlobState state = BlobState::kText;
  std::int64_t size = 0;
  std::string text;   // kText only: UTF-8 or 8-bit text (UTF-16/32 decoded, an LFS object read)
  std::string magic;  // kBinary, kUndecodable: the first bytes (a keystore's magic number)
};

// `bytes` (a blob of at most `max_bytes`) as a history audit scans it (collect/blob_kind.h's
// ToScannableText: decoded text, or why not, with a binary's magic); `lfs_objects_dir` is where
// an LFS pointer's local object would be. Every reader of history blobs classifies with it.
core::Result<BlobContent> ClassifyBlob(std::string bytes, const std::string& lfs_objects_dir,
                                       std::int64_t max_bytes);

struct HistoryWalkRequest {
  std::vector<std::string> revs;   // empty: every ref and HEAD (git log --all)
  std::optional<long long> since;  // committer time bounds, inclusive
  std::optional<long long> until;
  int max_commits = 0;  // 0: all; else only the newest N
};

struct HistoryWalk {
  std::vector<std::string> refs;        // the refs or revisions walked from
  std::string tip;                      // HEAD's commit, or the first revision's
  std::vector<HistoryCommit> commits;   // within the limits, newest first
  int reachable = 0;                    // commits reachable before the limits
  std::vector<std::string> stopped_at;  // commits whose parents are missing
  // Trees and blobs refs name (straight or through tags) when every ref is walked: pushed and
  // cloned though no commit reaches them. Whatever the limits; by id.
  std::vector<HistoryCommit> ref_targets;
};

class HistorySource {
 public:
  virtual ~HistorySource() = default;
  // What `commit` changed. The objects it was read from may be checked against their ids only
  // later (riskgate's reader hashes trees a few at a time): nothing learnt from Changes is
  // final until CheckReads has returned.
  virtual core::Result<CommitChanges> Changes(const HistoryCommit& commit) = 0;
  // Checks every object read so far and not yet checked against its id; an error when one is
  // not what its id names.
  virtual core::Result<void> CheckReads() { return {}; }
  // A blob's content; a blob larger than `max_bytes` is not inflated.
  virtual core::Result<BlobContent> ReadBlob(const std::string& blob, std::int64_t max_bytes) = 0;
  // (path, blob) of every regular file in `commit`'s tree.
  virtual core::Result<std::vector<std::pair<std::string, std::string>>> TreeFiles(
      const std::string& commit) = 0;
};

// The commits a history audit judges; with `store` (collect/blob_sweep.h's OpenObjectStore),
// read by riskgate's own reader where it holds them, each checked against its id.
core::Result<HistoryWalk> WalkHistory(const GitRepository& repo, const HistoryWalkRequest& request,
                                      std::shared_ptr<const pack::ObjectStore> store = nullptr);
// The tip that walk will name (HistoryWalk::tip), without walking: "" before the first commit.
core::Result<std::string> HistoryTip(const GitRepository& repo, const HistoryWalkRequest& request);

// A source over `repo`'s object store with its own libgit2 handle (one per thread). With
// `store` (collect/blob_sweep.h's OpenObjectStore), trees are read by riskgate's own reader,
// each checked against its id; without, through libgit2.
core::Result<std::unique_ptr<HistorySource>> OpenHistorySource(
    const GitRepository& repo, std::shared_ptr<const pack::ObjectStore> store = nullptr);

}  // namespace riskgate::collect
