// Stage 1 (collect): libgit2 object reads shared by the libgit2 adapter's files
// (git_repository.cc, git_file_diffs.cc, git_trees.cc, tree_reads.cc): a blob's bytes and size,
// a commit's tree, what a tree entry's mode makes of it. Every failure is a core::Error naming
// the object. Only the adapter's files include it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect::git_internal {

using OwnedBlob = Owned<git_blob, git_blob_free>;

// A mode as git commits and reads it (its `canon_mode`): an index written by another tool, or
// by hand, may hold any 32 bits, and git turns 100664 or 100000 into a regular file, 120755 into
// a symlink, a type it does not know into a submodule. 0 (no entry) stays 0.
std::uint32_t CanonicalMode(std::uint32_t mode);
// What a tree or index entry of `mode` is, read as git reads it (CanonicalMode).
EntryKind KindOf(std::uint32_t mode);
// A regular or executable file as git reads it: content riskgate reads (not a symlink,
// submodule or folder; not "no entry").
bool IsContent(std::uint32_t mode);

core::Result<void> LookUpBlob(git_repository* repo, const git_oid* oid, OwnedBlob& blob);
std::string_view BlobBytes(const git_blob* blob);
core::Result<std::string> ReadBlobBytes(git_repository* repo, const git_oid* oid);
// The size of object `oid` from its header, without reading it.
core::Result<std::int64_t> BlobSize(git_odb* odb, const git_oid* oid);
// The same, but one over `limit` (a file too large to scan) is read whole once and dropped, so
// that its content is checked against its id (riskgate's reader hashes what it reads,
// collect/git_pack_backend.cc): a store giving a large harmless object a secret's id, or a
// header or delta claiming a size its content does not have, is an error, not a file skipped
// as too large.
core::Result<std::int64_t> ScannableSize(git_odb* odb, const git_oid* oid, std::int64_t limit);

// The tree of commit `commit_id` (the caller frees it).
core::Result<git_tree*> TreeOf(git_repository* repo, const std::string& commit_id);
// The raw id of the tree of commit `commit_id` ("" for "": the empty tree).
core::Result<std::string> RootOf(git_repository* repo, const std::string& commit_id);

}  // namespace riskgate::collect::git_internal
