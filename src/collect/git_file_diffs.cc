// GitRepository's diffs (git_repository.h): the staged changes, a commit against its first
// parent, one commit's tree against another's, each turned into the FileDiffs the controls judge.
#include <memory>
#include <utility>

#include "collect/added_lines.h"
#include "collect/blob_kind.h"
#include "collect/git_internal.h"
#include "collect/git_objects.h"
#include "collect/git_pack_backend.h"
#include "collect/git_repository.h"
#include "collect/tree_reads.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

// Lists what changed without loading any content: libgit2 decides nothing about a file's
// content (binary, size, attributes); riskgate reads and judges every blob itself.
git_diff_options DiffOptions() {
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.flags |= GIT_DIFF_IGNORE_SUBMODULES;
  return opts;
}

// One changed path as Collect reads it: from libgit2's diff (the staged changes) or from
// riskgate's tree deltas (commits). No renames: the path is the same on both sides.
struct DeltaSide {
  git_oid id{};            // zero: no entry
  std::uint32_t mode = 0;  // as git reads it (CanonicalMode); 0: no entry
};
struct Delta {
  git_delta_t status = GIT_DELTA_MODIFIED;
  std::string path;
  DeltaSide old_side;
  DeltaSide new_side;
};

std::vector<Delta> DeltasOf(git_diff* diff) {
  std::vector<Delta> deltas;
  const std::size_t count = git_diff_num_deltas(diff);
  deltas.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    deltas.push_back(Delta{d->status,
                           d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path,
                           DeltaSide{d->old_file.id, CanonicalMode(d->old_file.mode)},
                           DeltaSide{d->new_file.id, CanonicalMode(d->new_file.mode)}});
  }
  return deltas;
}

DeltaSide SideOf(const TreeSide& side) {
  DeltaSide out;
  if (side.id.size() == GIT_OID_RAWSZ) {
    git_oid_fromraw(&out.id, reinterpret_cast<const unsigned char*>(side.id.data()));
    out.mode = side.mode;
  }
  return out;
}

std::vector<Delta> DeltasOf(std::vector<TreeDelta> tree_deltas) {
  std::vector<Delta> deltas;
  deltas.reserve(tree_deltas.size());
  for (TreeDelta& d : tree_deltas) {
    const git_delta_t status = d.status == DeltaStatus::kAdded     ? GIT_DELTA_ADDED
                               : d.status == DeltaStatus::kDeleted ? GIT_DELTA_DELETED
                                                                   : GIT_DELTA_MODIFIED;
    deltas.push_back(Delta{status, std::move(d.path), SideOf(d.old_side), SideOf(d.new_side)});
  }
  return deltas;
}

// The text riskgate scans for one side of a delta: empty when that side is absent, not a regular
// file, or not scannable (then every line of the other side counts as added). Read through
// `reads` (the handle's own reader, when given) where it holds the object: its bytes are copied
// once, and `blob` stays null. Else through libgit2 (a pack written after the store opened):
// `blob` keeps the blob read when the text is its bytes as they are (no decoding, no LFS object).
core::Result<ScannableText> SideText(git_repository* repo, git_odb* odb, PackReads* reads,
                                     const DeltaSide& side, std::int64_t max_file_bytes,
                                     const std::string& lfs_dir, std::int64_t& size,
                                     OwnedBlob& blob) {
  ScannableText out;
  size = 0;
  if (git_oid_is_zero(&side.id) || !IsContent(side.mode)) return out;
  auto bytes = ScannableSize(odb, &side.id, max_file_bytes);
  if (!bytes) return tl::unexpected(bytes.error());
  size = *bytes;
  if (size > max_file_bytes) {
    out.skip = core::SkipReason::kTooLarge;
    return out;
  }
  if (reads != nullptr) {
    const std::string_view raw_id(reinterpret_cast<const char*>(side.id.id), GIT_OID_RAWSZ);
    auto object = reads->Read(raw_id);
    const auto unreadable = [&](const std::string& why) {
      return MakeError(ErrorCode::kRepository,
                       "cannot read blob " + OidString(&side.id) + ": " + why);
    };
    if (!object) return unreadable(object.error().message);
    if (*object) {
      if ((*object)->kind != pack::ObjectKind::kBlob) return unreadable("the object is not a blob");
      return ToScannableText(std::string(*(*object)->bytes), lfs_dir, max_file_bytes);
    }
  }
  if (auto found = LookUpBlob(repo, &side.id, blob); !found) return tl::unexpected(found.error());
  const std::string_view raw = BlobBytes(blob.get());
  auto text = ToScannableText(std::string(raw), lfs_dir, max_file_bytes);
  if (!text) return tl::unexpected(text.error());
  if (text->skip || text->text != raw) git_blob_free(std::exchange(blob.ptr, nullptr));
  return text;
}

// Judges every delta: reads both versions of each regular file (up to the limit), turns them
// into scannable text and diffs the texts line by line; only the new version of one whose lines
// `wanted` (when given) does not want, read through `reads` (the handle's own reader).
core::Result<std::vector<FileDiff>> Collect(git_repository* repo, const std::vector<Delta>& deltas,
                                            std::int64_t max_file_bytes, const std::string& what,
                                            PackReads* reads, const LinesWanted* wanted) {
  OwnedOdb odb;
  if (git_repository_odb(odb.out(), repo) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot open the object store for " + what + ": " + LastError());
  }
  const std::string lfs_dir = std::string(git_repository_commondir(repo)) + "lfs/objects/";
  std::vector<FileDiff> files;
  for (const Delta& d : deltas) {
    const Delta* delta = &d;
    FileDiff file;
    file.path = delta->path;
    if (delta->status == GIT_DELTA_DELETED) {  // nothing to scan, but part of the change
      file.deleted = true;
      files.push_back(std::move(file));
      continue;
    }
    file.added = delta->status == GIT_DELTA_ADDED;
    file.kind = KindOf(delta->new_side.mode);
    file.blob_id = OidString(&delta->new_side.id);
    if (file.kind == EntryKind::kSubmodule) {
      file.skip = core::SkipReason::kSubmodule;
      files.push_back(std::move(file));
      continue;
    }
    if (file.kind == EntryKind::kSymlink) {
      auto size = ScannableSize(odb.get(), &delta->new_side.id, max_file_bytes);
      if (!size) return tl::unexpected(size.error());
      file.size = *size;
      // A target is read whole as metadata (AddMetadata): one past the limit is not scanned
      // (read only to check its id), and counts as too large, not as a link, so that
      // on_unscanned judges it. git stores a link of any size and forges show it as text.
      file.skip =
          file.size > max_file_bytes ? core::SkipReason::kTooLarge : core::SkipReason::kSymlink;
      files.push_back(std::move(file));
      continue;
    }
    // A version that equals the old one adds nothing (a mode change): diffed as before, no test.
    file.same_content = IsContent(delta->old_side.mode) &&
                        git_oid_equal(&delta->old_side.id, &delta->new_side.id) != 0;
    // A file cleared whole is not diffed, but its old version must be there, as for any diff (a
    // partial clone's missing blob is an error, cleared file or not).
    const auto clear = [&]() -> core::Result<void> {
      if (delta->status != GIT_DELTA_ADDED && IsContent(delta->old_side.mode)) {
        if (auto old_size = BlobSize(odb.get(), &delta->old_side.id); !old_size) {
          return tl::unexpected(old_size.error());
        }
      }
      file.lines_clear = true;
      return {};
    };
    // A version cleared at this path already (by a merge's diff against another parent, a
    // commit's diff before the net diff) is not read again: it was read and judged whole.
    if (wanted != nullptr && !file.same_content && wanted->Cleared(file.path, file.blob_id)) {
      auto size = BlobSize(odb.get(), &delta->new_side.id);
      if (!size) return tl::unexpected(size.error());
      file.size = *size;
      if (auto cleared = clear(); !cleared) return tl::unexpected(cleared.error());
      files.push_back(std::move(file));
      continue;
    }
    // Read through riskgate's reader (one copy, no libgit2 object) where the version may be
    // cleared whole; a file line-diffed reads both versions through libgit2, whose line diff
    // takes its blobs with their ids (a diff of buffers hashes both texts first).
    PackReads* const direct = wanted != nullptr && wanted->Testing() ? reads : nullptr;
    OwnedBlob now_blob;
    auto now = SideText(repo, odb.get(), direct, delta->new_side, max_file_bytes, lfs_dir,
                        file.size, now_blob);
    if (!now) return tl::unexpected(now.error());
    if (now->skip) {
      file.skip = now->skip;
      file.magic = std::move(now->magic);
      files.push_back(std::move(file));
      continue;
    }
    if (wanted != nullptr && !file.same_content && !(*wanted)(file.path, file.blob_id, now->text)) {
      if (auto cleared = clear(); !cleared) return tl::unexpected(cleared.error());
      files.push_back(std::move(file));  // no text kept: a range holds 64 commits' diffs ahead
      continue;
    }
    std::int64_t old_size = 0;
    core::Result<ScannableText> before = ScannableText{};
    OwnedBlob before_blob;
    if (delta->status != GIT_DELTA_ADDED) {
      before = SideText(repo, odb.get(), nullptr, delta->old_side, max_file_bytes, lfs_dir,
                        old_size, before_blob);
      if (!before) return tl::unexpected(before.error());
      if (direct != nullptr && !before->skip) {  // again, through libgit2 (its reader's cache)
        now = SideText(repo, odb.get(), nullptr, delta->new_side, max_file_bytes, lfs_dir,
                       file.size, now_blob);
        if (!now) return tl::unexpected(now.error());
      }
    }
    const bool old_empty = before->skip || before->text.empty();
    auto hunks = AddedLinesBetween(old_empty ? std::string_view() : before->text, now->text,
                                   old_empty ? nullptr : before_blob.get(), now_blob.get());
    if (!hunks) return tl::unexpected(hunks.error());
    file.hunks = std::move(*hunks);
    file.text = std::move(now->text);
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace

core::Result<std::vector<FileDiff>> GitRepository::DiffStaged(std::int64_t max_file_bytes,
                                                              const LinesWanted* wanted) {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  auto head = Head();
  if (!head) return tl::unexpected(head.error());
  if (git_index_has_conflicts(*index) != 0) {
    // git commits nothing while a path is unmerged: judge the entries against HEAD.
    OwnedTree tree;
    if (*head) {
      auto t = TreeOf(repo_, **head);
      if (!t) return tl::unexpected(t.error());
      tree.ptr = *t;
    }
    git_diff_options opts = DiffOptions();
    OwnedDiff diff;
    if (git_diff_tree_to_index(diff.out(), repo_, tree.get(), *index, &opts) != 0) {
      return MakeError(ErrorCode::kRepository, "cannot diff the index: " + LastError());
    }
    return Collect(repo_, DeltasOf(diff.get()), max_file_bytes, "the staged changes", nullptr,
                   wanted);
  }
  // What `git commit` commits: the index written as a tree, where git takes a folder whose
  // cached tree (the index's TREE extension) is valid as that tree, unread. The entries alone
  // may say otherwise in an index written by another tool or by hand; libgit2 writes as git
  // does, into memory here (never into the repository).
  if (memory_ == nullptr) {
    auto memory = NewMemoryRepository();
    if (!memory) return tl::unexpected(memory.error());
    memory_ = *memory;
    // libgit2 reads back the trees it took from the cache: from the store (hashed), as the one
    // written is read from memory.
    if (auto added = AddPackBackend(memory_, reads_); !added) return tl::unexpected(added.error());
    memory_trees_ = std::make_unique<TreeReads>(memory_, reads_);
  }
  git_oid tree_id;
  if (git_index_write_tree_to(&tree_id, *index, memory_) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read the index as the tree git would commit: " + LastError() +
                         "; stage the file it names again (`git rm --cached -- PATH`, then " +
                         "`git add -- PATH`), or the whole change (`git read-tree HEAD`, then " +
                         "`git add`)");
  }
  auto old_root = RootOf(repo_, head->value_or(""));
  if (!old_root) return tl::unexpected(old_root.error());
  auto deltas = memory_trees_->TreeDeltas(
      *old_root, std::string_view(reinterpret_cast<const char*>(tree_id.id), GIT_OID_RAWSZ));
  if (!deltas) {
    return MakeError(ErrorCode::kRepository,
                     "cannot diff the staged changes: " + deltas.error().message);
  }
  // A hook's few files are read through libgit2 alone: reading a version that is then
  // line-diffed twice costs more there than the copies a read saves.
  return Collect(repo_, DeltasOf(std::move(*deltas)), max_file_bytes, "the staged changes", nullptr,
                 wanted);
}

core::Result<std::vector<FileDiff>> GitRepository::DiffCommit(const std::string& commit_id,
                                                              std::int64_t max_file_bytes,
                                                              const LinesWanted* wanted) {
  git_oid oid;
  git_oid_fromstr(&oid, commit_id.c_str());
  OwnedCommit commit;
  if (git_commit_lookup(commit.out(), repo_, &oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read commit " + commit_id + ": " + LastError());
  }
  std::string parent_id;
  if (git_commit_parentcount(commit.get()) > 0) {
    OwnedCommit parent;
    if (git_commit_parent(parent.out(), commit.get(), 0) != 0) {
      if (IsShallow()) {
        return MakeError(ErrorCode::kShallow,
                         "the parent of " + commit_id.substr(0, 12) +
                             " is missing from this shallow clone; fetch the full history "
                             "(actions/checkout `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`)");
      }
      return MakeError(ErrorCode::kRepository,
                       "cannot read the parent of " + commit_id + ": " + LastError());
    }
    parent_id = OidString(git_commit_id(parent.get()));
  }
  auto deltas = trees_->Deltas(parent_id, commit_id, nullptr);
  if (!deltas) {
    return MakeError(ErrorCode::kRepository,
                     "cannot diff " + commit_id + ": " + deltas.error().message);
  }
  return Collect(repo_, DeltasOf(std::move(*deltas)), max_file_bytes, "commit " + commit_id,
                 reads_.get(), wanted);
}

core::Result<std::vector<FileDiff>> GitRepository::DiffCommits(const std::string& from,
                                                               const std::string& to,
                                                               std::int64_t max_file_bytes,
                                                               const std::vector<std::string>* only,
                                                               const LinesWanted* wanted) {
  if (only != nullptr && only->empty()) return std::vector<FileDiff>{};
  auto deltas = trees_->Deltas(from, to, only);
  if (!deltas) {
    return MakeError(ErrorCode::kRepository,
                     "cannot diff " + from + ".." + to + ": " + deltas.error().message);
  }
  return Collect(repo_, DeltasOf(std::move(*deltas)), max_file_bytes,
                 (from.empty() ? "root" : from.substr(0, 12)) + ".." + to.substr(0, 12),
                 reads_.get(), wanted);
}
}  // namespace riskgate::collect
