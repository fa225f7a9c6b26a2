// Stage 1 (collect): the facade of the libgit2 adapter (its files: ARCHITECTURE.md, "Adapters";
// nothing else includes libgit2). It opens the repository the way git
// hooks expect (GIT_DIR, GIT_INDEX_FILE), reads diffs with zero context, lists tracked files and
// walks commit ranges, and turns every libgit2 failure into a core::Error with a remedy.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/lines_wanted.h"
#include "core/error.h"
#include "core/scope.h"

struct git_repository;
struct git_index;

namespace riskgate::collect {

class SharedPackStore;
class PackReads;
struct TreeReads;

enum class EntryKind { kRegular, kExecutable, kSymlink, kSubmodule };

// Added lines of one hunk (context 0), consecutive in the new file.
struct AddedHunk {
  int first_line = 0;
  std::string text;  // lines joined by '\n', without a trailing newline
};

// One changed path. Riskgate reads and judges the new version's bytes itself (collect/blob_kind.h),
// never through the change's .gitattributes: `skip` says why it cannot be scanned, else `text`
// is the scannable new version (UTF-16/32 decoded, an LFS object's content) and `hunks` the
// lines added to it against the old version's scannable text, unless `lines_clear`.
struct FileDiff {
  std::string path;
  EntryKind kind = EntryKind::kRegular;
  std::optional<core::SkipReason> skip;
  std::int64_t size = 0;  // of the new version's blob
  std::string blob_id;    // of the new version
  std::string text;
  std::string magic = {};  // when skipped as binary: its first bytes (ScannableText::magic)
  std::vector<AddedHunk> hunks;
  bool deleted = false;  // `path` is gone in the new version (no hunks, nothing to read)
  bool added = false;    // `path` is new: absent from the old version
  // No control may find anything in any of the new version's lines (LinesWanted said so): it
  // was not line-diffed, `hunks` and `text` are empty and the old version was not read.
  bool lines_clear = false;
  bool same_content = false;  // the old version is the same blob (a mode change): nothing added
};

struct TrackedFile {
  std::string path;
  EntryKind kind = EntryKind::kRegular;
  std::string blob_id;
  std::int64_t size = 0;  // as the index or tree records it
  // The index's skip-worktree bit (a sparse checkout): the working tree's copy, if any, is not
  // the tracked version.
  bool skip_worktree = false;
};

// One path's entry in a tree as a diff compares it: its mode as written (0: no entry) and id.
struct TreeEntryState {
  std::uint32_t mode = 0;
  std::string id;          // hex; empty when there is no entry
  bool ambiguous = false;  // the folder names the path twice: equal to nothing
  bool SameAs(const TreeEntryState& other) const {
    return !ambiguous && !other.ambiguous && mode == other.mode && id == other.id;
  }
};

struct CommitRef {
  std::string id;
  int parents = 0;
  std::string author;  // "Name <email>"
  // Trailers of the message (git interpret-trailers rules: the last paragraph), in order.
  std::vector<std::pair<std::string, std::string>> trailers;
  std::string message = {};
  std::vector<std::string> parent_ids = {};  // in order; `parents` of them
};

// A commit and its committer time (seconds since the epoch).
struct CommitTime {
  std::string id;
  long long time = 0;
};

// The libgit2 this process runs with ("1.5.1").
std::string LibraryVersion();

class GitRepository {
 public:
  // Opens `path`, or when it is empty the repository git itself would use from the environment
  // and the current folder (GIT_DIR, GIT_INDEX_FILE, linked worktrees).
  static core::Result<std::unique_ptr<GitRepository>> Open(const std::string& path);
  ~GitRepository();
  // The same repository opened again, as it was opened (path or environment): a handle for
  // another thread (libgit2's handles are not shared between threads).
  core::Result<std::unique_ptr<GitRepository>> Reopen() const;
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  bool IsShallow() const;
  // The folder git runs hooks from: core.hooksPath (relative to the working tree) or
  // <git dir>/hooks, with a trailing '/'.
  std::string HooksDir() const;
  // The working tree folder with a trailing '/', or empty for a bare repository.
  std::string Workdir() const;
  // The repository's git folder (`.git/`, or a linked worktree's admin folder), with a '/'.
  std::string GitDir() const;

  // The commit HEAD points to, or nullopt when HEAD is unborn (no commit yet).
  core::Result<std::optional<std::string>> Head();
  // The full id of the commit `rev` names.
  core::Result<std::string> ResolveCommit(const std::string& rev);
  core::Result<std::string> MergeBase(const std::string& a, const std::string& b);
  // Commits reachable from `head` and not from `base` (every one when `base` is empty), oldest
  // first.
  core::Result<std::vector<CommitRef>> RangeCommits(const std::string& base,
                                                    const std::string& head);
  // Starts walking the commits of `base`..`head` (ids, as RangeCommits takes them) on a thread
  // and handle of their own, for the next RangeCommits of that range to take: a range check
  // starts it before it reads its trusted policy, whose merge base is a walk of the same
  // histories on this handle (each ~0.2 s of one core on git/git). Not in a shallow clone.
  void WalkRangeAhead(const std::string& base, const std::string& head);

  // The committer time of `commit`.
  core::Result<long long> CommitTimeOf(const std::string& commit);
  // The newest commit reachable from `head` (newest first, at most `max_commits` looked at)
  // that adds, modifies or deletes a path `touches` accepts, compared with its first parent;
  // nullopt when none does.
  core::Result<std::optional<CommitTime>> LastCommitTouching(
      const std::string& head, const std::function<bool(std::string_view path)>& touches,
      int max_commits);

  // The newest commit on `head`'s first-parent chain (a merged branch is one change: an edit
  // reverted inside it is none) whose version of `path` differs from its parent's in a way
  // `counts(before, after)` accepts (texts; empty for no file or one over 16 MiB). Compares
  // blob ids first: as fast as `git log -1 --first-parent -- path` when every change counts.
  core::Result<std::optional<CommitTime>> LastCommitChangingPath(
      const std::string& head, const std::string& path, int max_commits,
      const std::function<bool(const std::string& before, const std::string& after)>& counts);

  // Index (as GIT_INDEX_FILE names it, else the repository's) against HEAD, or against the empty
  // tree when HEAD is unborn.
  // Each diff line-diffs only the files `wanted` accepts, when given (LinesWanted).
  core::Result<std::vector<FileDiff>> DiffStaged(std::int64_t max_file_bytes,
                                                 const LinesWanted* wanted = nullptr);
  // One commit against its first parent (the empty tree for a root commit).
  core::Result<std::vector<FileDiff>> DiffCommit(const std::string& commit,
                                                 std::int64_t max_file_bytes,
                                                 const LinesWanted* wanted = nullptr);
  // Tree of `from` (the empty tree when `from` is empty) against tree of `to`; with `only`, of
  // those paths alone.
  core::Result<std::vector<FileDiff>> DiffCommits(const std::string& from, const std::string& to,
                                                  std::int64_t max_file_bytes,
                                                  const std::vector<std::string>* only = nullptr,
                                                  const LinesWanted* wanted = nullptr);
  // The paths whose entries differ between the trees of `from` and `to`, without reading any
  // file's content.
  core::Result<std::vector<std::string>> ChangedPaths(const std::string& from,
                                                      const std::string& to);
  // ChangedPaths, each path with its entry in `to` (none where `to` deletes it; a path whose
  // kind changed is listed twice, deleted and added, as libgit2 lists it).
  core::Result<std::vector<std::pair<std::string, TreeEntryState>>> ChangedEntries(
      const std::string& from, const std::string& to);
  // The entry at each of `paths` in the tree of `commit` (empty: the empty tree), each folder
  // read once. A name a folder holds twice (a malformed tree) is `ambiguous`.
  core::Result<std::vector<TreeEntryState>> EntriesAt(const std::string& commit,
                                                      const std::vector<std::string>& paths);
  // The content of a blob.
  core::Result<std::string> ReadBlob(const std::string& blob_id);
  // Its size, from the object's header; one over `limit` (too large to scan) is read whole once,
  // so that its content is checked against its id (git_internal::ScannableSize).
  core::Result<std::int64_t> ScannableSizeOf(const std::string& blob_id, std::int64_t limit);
  // Where git-lfs keeps local objects: <common git dir>lfs/objects/.
  std::string LfsObjectsDir() const;
  // The object store's folder (<common git dir>objects/). Always SHA-1: libgit2 1.5 refuses to
  // open a repository with another object format.
  std::string ObjectsDir() const;
  // The lines `new_text` adds to `old_text` (libgit2's line diff of two buffers, no attributes).
  static core::Result<std::vector<AddedHunk>> AddedLines(std::string_view old_text,
                                                         std::string_view new_text);
  // Every entry of the index.
  core::Result<std::vector<TrackedFile>> ListIndex();
  // The entry for `path` in the index, or nullopt when the index does not track it.
  core::Result<std::optional<TrackedFile>> FindInIndex(const std::string& path);
  // Every file in the tree of `commit` (sizes are not read: 0).
  core::Result<std::vector<TrackedFile>> ListCommit(const std::string& commit);
  // git's configured author ("Name <email>"), or empty when none is configured.
  std::string ConfiguredAuthor();
  // The branch HEAD is on, or empty when detached or unborn without a name.
  std::string CurrentBranch();
  // The URL of remote `name` as the repository's configuration gives it, empty when none.
  std::string RemoteUrl(const std::string& name);
  // The entry for `path` in the tree of `commit`, or nullopt when the tree has no such file.
  core::Result<std::optional<TrackedFile>> FindInCommit(const std::string& commit,
                                                        const std::string& path);
  // The content of `path` in `commit`, or nullopt when the commit has no such file.
  core::Result<std::optional<std::string>> ReadPathAt(const std::string& commit,
                                                      const std::string& path);

 private:
  GitRepository(git_repository* repo, git_index* index, std::string opened_from);
  // Open, the handle reading through `pack_store` (null: a store of its own).
  static core::Result<std::unique_ptr<GitRepository>> OpenWith(
      const std::string& path, std::shared_ptr<SharedPackStore> pack_store);
  core::Result<git_index*> Index();
  core::Result<std::vector<CommitRef>> WalkRange(const std::string& base, const std::string& head);

  git_repository* repo_;
  git_index* index_;         // an index opened from GIT_INDEX_FILE, else nullptr (use the repo's)
  std::string opened_from_;  // the path Open was given ("" for the environment)
  std::shared_ptr<PackReads> reads_;  // this handle's reads (libgit2's too), its store shared
                                      // with the handles Reopen gives
  std::unique_ptr<TreeReads> trees_;  // parsed trees for tree deltas
  // Where DiffStaged writes the index as a tree (memory alone), and the trees it reads there.
  git_repository* memory_ = nullptr;
  std::unique_ptr<TreeReads> memory_trees_;
  // Merge bases found so far: a range check asks for its own several times (collecting, and
  // each base version a control reads), and each costs a walk of both histories.
  std::map<std::pair<std::string, std::string>, std::string> merge_bases_;
  // The range WalkRangeAhead walks (git_history.cc), until RangeCommits takes it. Last: its
  // thread ends before anything above goes.
  struct RangeAhead;
  std::shared_ptr<RangeAhead> range_ahead_;
};

}  // namespace riskgate::collect
