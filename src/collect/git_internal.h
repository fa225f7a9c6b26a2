// Stage 1 (collect): helpers shared by the libgit2 adapter's files (git_repository.cc,
// git_file_diffs.cc, git_trees.cc, tree_reads.cc, git_objects.cc, git_history.cc, and the
// history audit's git_history_walk.cc, history_starts.cc, git_history_source.cc,
// git_history_shared.cc, and git_pack_backend.cc): libgit2 handles that free themselves, commit
// ids as text, the last error, object kinds. Only those files include it.
#pragma once

#include <git2.h>

#include <string>

#include "collect/pack/base_cache.h"

namespace riskgate::collect::git_internal {

// libgit2's name for an object kind riskgate's reader gives.
inline git_object_t GitTypeOf(pack::ObjectKind kind) {
  switch (kind) {
    case pack::ObjectKind::kCommit:
      return GIT_OBJECT_COMMIT;
    case pack::ObjectKind::kTree:
      return GIT_OBJECT_TREE;
    case pack::ObjectKind::kBlob:
      return GIT_OBJECT_BLOB;
    case pack::ObjectKind::kTag:
      return GIT_OBJECT_TAG;
  }
  return GIT_OBJECT_INVALID;
}

inline std::string LastError() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "libgit2 gave no reason";
}

// "cannot resolve revision 'rev': " and why (git_revparse_single returned `rc`, and libgit2's
// message `reason`, taken at once: later libgit2 calls clear it) and what to do.
inline std::string UnresolvedRevision(const std::string& rev, int rc, const std::string& reason) {
  const std::string head = "cannot resolve revision '" + rev + "'";
  const bool hex = rev.size() >= 4 && rev.size() <= GIT_OID_HEXSZ &&
                   rev.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  // Only a missing id is "not in this repository": one there that libgit2 cannot read (a commit
  // in a shape it refuses) says why below.
  if (hex && rc == GIT_ENOTFOUND) {
    const std::string id = rev.size() == GIT_OID_HEXSZ ? rev : "<its full 40-character id>";
    return head + ": commit " + rev + " is not in this repository: fetch it (`git fetch origin " +
           id + "`) or fetch the full history (actions/checkout `fetch-depth: 0`, GitLab " +
           "`GIT_DEPTH: 0`)";
  }
  if (rc == GIT_EAMBIGUOUS) return head + ": it is ambiguous; give the full 40-character commit id";
  if (rc == GIT_ENOTFOUND) {
    return head + ": no branch, tag or commit of that name is in this repository; check the " +
           "name, or fetch it (`git fetch origin " + rev + "`)";
  }
  return head + " (" + reason + ")";
}

// Keeps libgit2 initialised while it lives. Objects are read as git reads them: without
// re-hashing each one (libgit2's strict verification, on by default, hashed every blob read with
// SHA-1DC, a seventh of a pre-commit run). git itself verifies objects where they enter a
// repository (fetch, index-pack), not when it reads them back.
// Commits are not kept in libgit2's object cache (up to 256 MiB; by default every commit of up
// to 4 KiB): a walk reads each commit once, and a range's merge base and its walk each read
// ~20,000 of git/git's, 20 MB of fresh memory the kernel zeroes (a third of their time on a VM
// that hands freed memory back to its host). A commit read again comes from the pack reader's
// own cache. Trees stay cached: a child and its parent share most of theirs.
struct LibraryUse {
  LibraryUse() {
    git_libgit2_init();
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // The one object riskgate has libgit2 write (an index as a tree, into memory: DiffStaged)
    // names blobs without looking each up first: riskgate reads every blob it judges.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, std::size_t{0});
  }
  ~LibraryUse() { git_libgit2_shutdown(); }
  LibraryUse(const LibraryUse&) = delete;
  LibraryUse& operator=(const LibraryUse&) = delete;
};

template <typename T, void (*Free)(T*)>
struct Owned {
  T* ptr = nullptr;
  ~Owned() {
    if (ptr != nullptr) Free(ptr);
  }
  T** out() { return &ptr; }
  T* get() const { return ptr; }
};

using OwnedObject = Owned<git_object, git_object_free>;
using OwnedCommit = Owned<git_commit, git_commit_free>;
using OwnedTree = Owned<git_tree, git_tree_free>;
using OwnedDiff = Owned<git_diff, git_diff_free>;
using OwnedRef = Owned<git_reference, git_reference_free>;
using OwnedWalk = Owned<git_revwalk, git_revwalk_free>;
using OwnedOdb = Owned<git_odb, git_odb_free>;
inline std::string OidString(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

}  // namespace riskgate::collect::git_internal
