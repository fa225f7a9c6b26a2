#include "collect/git_repository.h"

#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <utility>

#include "collect/added_lines.h"
#include "collect/blob_kind.h"
#include "collect/git_internal.h"
#include "collect/git_pack_backend.h"
#include "collect/pack/lru_cache.h"
#include "collect/pack/tree_object.h"
#include "collect/safe_read.h"
#include "collect/tree_deltas.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

}  // namespace

std::string LibraryVersion() {
  int major = 0;
  int minor = 0;
  int revision = 0;
  git_libgit2_version(&major, &minor, &revision);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(revision);
}

namespace {

// Keeps libgit2 initialised for the life of the process.
void EnsureLibrary() { static LibraryUse library; }

EntryKind KindOf(std::uint32_t mode) {
  switch (mode) {
    case GIT_FILEMODE_LINK:
      return EntryKind::kSymlink;
    case GIT_FILEMODE_COMMIT:
      return EntryKind::kSubmodule;
    case GIT_FILEMODE_BLOB_EXECUTABLE:
      return EntryKind::kExecutable;
    default:
      return EntryKind::kRegular;
  }
}

core::Error OpenError(const std::string& where, int rc) {
  std::string message = LastError();
  if (rc == GIT_EOWNER || message.find("safe.directory") != std::string::npos) {
    return core::Error{ErrorCode::kRepository,
                       "the repository at " + where +
                           " is owned by another user, and git's safe.directory check refuses "
                           "it; run `git config --global --add safe.directory <path>` for that "
                           "path, or run as the owner",
                       where};
  }
  return core::Error{ErrorCode::kRepository, "not a git repository (" + message + ")", where};
}

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

using OwnedBlob = Owned<git_blob, git_blob_free>;

core::Result<void> LookUpBlob(git_repository* repo, const git_oid* oid, OwnedBlob& blob) {
  if (git_blob_lookup(blob.out(), repo, oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read blob " + OidString(oid) + ": " + LastError());
  }
  return {};
}

std::string_view BlobBytes(const git_blob* blob) {
  return {static_cast<const char*>(git_blob_rawcontent(blob)),
          static_cast<std::size_t>(git_blob_rawsize(blob))};
}

core::Result<std::string> ReadBlobBytes(git_repository* repo, const git_oid* oid) {
  OwnedBlob blob;
  if (auto found = LookUpBlob(repo, oid, blob); !found) return tl::unexpected(found.error());
  return std::string(BlobBytes(blob.get()));
}

core::Result<std::int64_t> BlobSize(git_odb* odb, const git_oid* oid) {
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb, oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read blob " + OidString(oid) + ": " + LastError());
  }
  return static_cast<std::int64_t>(size);
}

bool IsContent(std::uint32_t mode) {
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

// One changed path as Collect reads it: from libgit2's diff (the staged changes) or from
// riskgate's tree deltas (commits). No renames: the path is the same on both sides.
struct DeltaSide {
  git_oid id{};            // zero: no entry
  std::uint32_t mode = 0;  // 0: no entry
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
    deltas.push_back(Delta{
        d->status, d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path,
        DeltaSide{d->old_file.id, d->old_file.mode}, DeltaSide{d->new_file.id, d->new_file.mode}});
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
  auto bytes = BlobSize(odb, &side.id);
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
      auto size = BlobSize(odb.get(), &delta->new_side.id);
      if (!size) return tl::unexpected(size.error());
      file.size = *size;
      file.skip = core::SkipReason::kSymlink;
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

core::Result<git_tree*> TreeOf(git_repository* repo, const std::string& commit_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) {
    return MakeError(ErrorCode::kRevision, "'" + commit_id + "' is not a commit id");
  }
  OwnedCommit commit;
  if (git_commit_lookup(commit.out(), repo, &oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read commit " + commit_id + ": " + LastError());
  }
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit.get()) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read the tree of commit " + commit_id + ": " + LastError());
  }
  return tree;
}

// The raw id of the tree of commit `commit_id` ("" for "": the empty tree).
core::Result<std::string> RootOf(git_repository* repo, const std::string& commit_id) {
  if (commit_id.empty()) return std::string();
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) {
    return MakeError(ErrorCode::kRevision, "'" + commit_id + "' is not a commit id");
  }
  OwnedCommit commit;
  if (git_commit_lookup(commit.out(), repo, &oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read commit " + commit_id + ": " + LastError());
  }
  const git_oid* tree = git_commit_tree_id(commit.get());
  return std::string(reinterpret_cast<const char*>(tree->id), GIT_OID_RAWSZ);
}

}  // namespace

// Trees for tree deltas: read through the handle's pack reads (hashed against their ids), or
// libgit2's backends for one the store does not hold, parsed and kept within a budget.
struct TreeReads {
  TreeReads(git_repository* handle, std::shared_ptr<PackReads> pack_reads)
      : repo(handle), reads(std::move(pack_reads)) {}

  core::Result<std::shared_ptr<const pack::ParsedTree>> Load(std::string_view raw_id) {
    const pack::RawId key = pack::RawId::From(raw_id);
    if (const auto* hit = cache.Get(key)) return *hit;
    std::shared_ptr<const std::string> bytes;
    auto object = reads->Read(raw_id);
    if (!object) {
      return MakeError(ErrorCode::kRepository, "cannot read tree " + core::HexBytes(raw_id) + ": " +
                                                   object.error().message);
    }
    if (*object) {
      if ((*object)->kind != pack::ObjectKind::kTree) return tl::unexpected(NotATree(raw_id));
      bytes = std::move((*object)->bytes);
    } else {
      git_oid oid;
      git_oid_fromraw(&oid, reinterpret_cast<const unsigned char*>(raw_id.data()));
      OwnedOdb odb;
      Owned<git_odb_object, git_odb_object_free> read;
      if (git_repository_odb(odb.out(), repo) != 0 ||
          git_odb_read(read.out(), odb.get(), &oid) != 0) {
        return MakeError(ErrorCode::kRepository,
                         "cannot read tree " + OidString(&oid) + ": " + LastError());
      }
      if (git_odb_object_type(read.get()) != GIT_OBJECT_TREE)
        return tl::unexpected(NotATree(raw_id));
      bytes = std::make_shared<const std::string>(
          static_cast<const char*>(git_odb_object_data(read.get())),
          git_odb_object_size(read.get()));
    }
    auto parsed = pack::ParsedTree::Parse(std::move(bytes));
    if (!parsed) {
      return MakeError(ErrorCode::kRepository,
                       "tree " + core::HexBytes(raw_id) + ": " + parsed.error().message);
    }
    auto tree = std::make_shared<const pack::ParsedTree>(std::move(*parsed));
    cache.Put(key, tree, tree->bytes());
    return tree;
  }

  static core::Error NotATree(std::string_view raw_id) {
    return core::Error{ErrorCode::kRepository,
                       "object " + core::HexBytes(raw_id) + " is named as a tree but is not one",
                       ""};
  }

  // The deltas from commit `from`'s tree ("" for the empty tree) to commit `to`'s.
  core::Result<std::vector<TreeDelta>> Deltas(const std::string& from, const std::string& to,
                                              const std::vector<std::string>* only) {
    auto old_root = RootOf(repo, from);
    if (!old_root) return tl::unexpected(old_root.error());
    auto new_root = RootOf(repo, to);
    if (!new_root) return tl::unexpected(new_root.error());
    const TreeLoader load = [this](std::string_view raw_id) { return Load(raw_id); };
    return DiffTrees(load, *old_root, *new_root, only);
  }

  static constexpr std::size_t kCacheBytes = std::size_t{8} << 20;  // as the reader's, per handle
  git_repository* repo;
  std::shared_ptr<PackReads> reads;
  pack::LruCache<pack::RawId, std::shared_ptr<const pack::ParsedTree>, pack::RawIdHash> cache{
      kCacheBytes};
};

core::Result<std::unique_ptr<GitRepository>> GitRepository::Open(const std::string& path) {
  return OpenWith(path, nullptr);
}

core::Result<std::unique_ptr<GitRepository>> GitRepository::OpenWith(
    const std::string& path, std::shared_ptr<SharedPackStore> pack_store) {
  EnsureLibrary();
  git_repository* repo = nullptr;
  git_index* index = nullptr;
  if (path.empty()) {
    int rc = git_repository_open_ext(&repo, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
    if (rc != 0 &&
        (std::getenv("GIT_WORK_TREE") != nullptr || std::getenv("GIT_COMMON_DIR") != nullptr)) {
      // libgit2 1.5 refuses GIT_WORK_TREE/GIT_COMMON_DIR with FROM_ENV: discover from the
      // current folder instead and honour GIT_INDEX_FILE by hand.
      rc = git_repository_open_ext(&repo, ".", 0, nullptr);
      if (rc == 0) {
        if (const char* index_file = std::getenv("GIT_INDEX_FILE")) {
          if (git_index_open(&index, index_file) != 0) {
            std::string message = LastError();
            git_repository_free(repo);
            return MakeError(ErrorCode::kRepository,
                             "cannot open the index named by GIT_INDEX_FILE (" + message + ")",
                             index_file);
          }
        }
      }
    }
    if (rc != 0) {
      std::error_code ec;
      return tl::unexpected(OpenError(std::filesystem::current_path(ec).string(), rc));
    }
  } else {
    const int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (rc != 0) return tl::unexpected(OpenError(path, rc));
  }
  auto opened = std::unique_ptr<GitRepository>(new GitRepository(repo, index, path));
  opened->reads_ = std::make_shared<PackReads>(
      pack_store != nullptr ? std::move(pack_store) : NewSharedPackStore(opened->ObjectsDir()));
  opened->trees_ = std::make_unique<TreeReads>(repo, opened->reads_);
  if (auto added = AddPackBackend(repo, opened->reads_); !added) {
    return tl::unexpected(added.error());
  }
  return opened;
}

core::Result<std::unique_ptr<GitRepository>> GitRepository::Reopen() const {
  return OpenWith(opened_from_, reads_->store());
}

GitRepository::GitRepository(git_repository* repo, git_index* index, std::string opened_from)
    : repo_(repo), index_(index), opened_from_(std::move(opened_from)) {}

GitRepository::~GitRepository() {
  range_ahead_.reset();
  if (index_ != nullptr) git_index_free(index_);
  git_repository_free(repo_);
}

bool GitRepository::IsShallow() const { return git_repository_is_shallow(repo_) == 1; }

std::string GitRepository::HooksDir() const {
  git_config* config = nullptr;
  std::string hooks_path;
  if (git_repository_config_snapshot(&config, repo_) == 0) {
    const char* value = nullptr;
    if (git_config_get_string(&value, config, "core.hooksPath") == 0 && value != nullptr) {
      hooks_path = value;
    }
    git_config_free(config);
  }
  if (hooks_path.empty()) return std::string(git_repository_commondir(repo_)) + "hooks/";
  std::filesystem::path path(hooks_path);
  if (path.is_relative()) path = std::filesystem::path(Workdir()) / path;
  std::string out = path.lexically_normal().string();
  if (out.back() != '/') out += '/';
  return out;
}

std::string GitRepository::Workdir() const {
  const char* workdir = git_repository_workdir(repo_);
  return workdir != nullptr ? workdir : "";
}

std::string GitRepository::GitDir() const { return git_repository_path(repo_); }

core::Result<std::optional<std::string>> GitRepository::Head() {
  const int unborn = git_repository_head_unborn(repo_);
  if (unborn == 1) return std::optional<std::string>();
  if (unborn < 0) {
    return MakeError(ErrorCode::kRepository, "cannot read HEAD: " + LastError());
  }
  auto id = ResolveCommit("HEAD");
  if (!id) return tl::unexpected(id.error());
  return std::optional<std::string>(*id);
}

core::Result<std::string> GitRepository::ResolveCommit(const std::string& rev) {
  OwnedObject object;
  if (const int rc = git_revparse_single(object.out(), repo_, rev.c_str()); rc != 0) {
    // libgit2's revision parser drops the reason a read failed: a store that may not be read
    // (git_pack_backend.h) says it here.
    if (auto usable = reads_->Usable(); !usable) return tl::unexpected(usable.error());
    std::string message = "cannot resolve revision '" + rev + "'";
    if (IsShallow()) {
      message +=
          ": this is a shallow clone and the commit is not in it; fetch the full history "
          "(actions/checkout `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) or fetch that commit "
          "(`git fetch --deepen` / `git fetch origin <sha>`)";
      return MakeError(ErrorCode::kShallow, message);
    }
    return MakeError(ErrorCode::kRevision, UnresolvedRevision(rev, rc));
  }
  OwnedObject commit;
  if (git_object_peel(commit.out(), object.get(), GIT_OBJECT_COMMIT) != 0) {
    return MakeError(ErrorCode::kRevision, "'" + rev + "' does not name a commit");
  }
  return OidString(git_object_id(commit.get()));
}

core::Result<git_index*> GitRepository::Index() {
  if (index_ != nullptr) {
    if (git_index_read(index_, 1) != 0) {
      return MakeError(ErrorCode::kRepository, "cannot read the index: " + LastError());
    }
    return index_;
  }
  git_index* index = nullptr;
  if (git_repository_index(&index, repo_) != 0) {
    return MakeError(ErrorCode::kRepository, "cannot read the index: " + LastError());
  }
  git_index_free(index);  // the repository keeps its own reference
  return index;
}

core::Result<std::vector<FileDiff>> GitRepository::DiffStaged(std::int64_t max_file_bytes,
                                                              const LinesWanted* wanted) {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  auto head = Head();
  if (!head) return tl::unexpected(head.error());
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
  // A hook's few files are read through libgit2 alone: reading a version that is then
  // line-diffed twice costs more there than the copies a read saves.
  return Collect(repo_, DeltasOf(diff.get()), max_file_bytes, "the staged changes", nullptr,
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

core::Result<std::vector<std::string>> GitRepository::ChangedPaths(const std::string& from,
                                                                   const std::string& to) {
  auto entries = ChangedEntries(from, to);
  if (!entries) return tl::unexpected(entries.error());
  std::vector<std::string> paths;
  paths.reserve(entries->size());
  for (auto& entry : *entries) paths.push_back(std::move(entry.first));
  return paths;
}

core::Result<std::vector<std::pair<std::string, TreeEntryState>>> GitRepository::ChangedEntries(
    const std::string& from, const std::string& to) {
  auto deltas = trees_->Deltas(from, to, nullptr);
  if (!deltas) {
    return MakeError(ErrorCode::kRepository,
                     "cannot diff " + from + ".." + to + ": " + deltas.error().message);
  }
  std::vector<std::pair<std::string, TreeEntryState>> entries;
  entries.reserve(deltas->size());
  for (TreeDelta& delta : *deltas) {
    if (delta.status == DeltaStatus::kDeleted) {
      entries.emplace_back(std::move(delta.path), TreeEntryState{});
    } else {
      entries.emplace_back(std::move(delta.path),
                           TreeEntryState{delta.new_side.mode, core::HexBytes(delta.new_side.id)});
    }
  }
  return entries;
}

core::Result<std::vector<TreeEntryState>> GitRepository::EntriesAt(
    const std::string& commit, const std::vector<std::string>& paths) {
  std::vector<TreeEntryState> out(paths.size());
  if (commit.empty()) return out;  // the empty tree
  auto root = TreeOf(repo_, commit);
  if (!root) return tl::unexpected(root.error());
  // A folder's entries sorted by name, read once (one block, not a node per entry: merges
  // index thousands of folders); a name given twice is ambiguous (null).
  struct Folder {
    OwnedTree tree;
    std::vector<std::pair<std::string_view, const git_tree_entry*>> by_name;
    const std::pair<std::string_view, const git_tree_entry*>* Find(std::string_view name) const {
      auto it =
          std::lower_bound(by_name.begin(), by_name.end(), name,
                           [](const auto& entry, std::string_view n) { return entry.first < n; });
      return it != by_name.end() && it->first == name ? &*it : nullptr;
    }
  };
  std::map<std::string, std::unique_ptr<Folder>, std::less<>> folders;
  auto index = [](git_tree* tree) {
    auto folder = std::make_unique<Folder>();
    folder->tree.ptr = tree;
    const std::size_t count = git_tree_entrycount(tree);
    folder->by_name.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      folder->by_name.emplace_back(git_tree_entry_name(entry), entry);
    }
    auto& entries = folder->by_name;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (kept > 0 && entries[kept - 1].first == entries[i].first) {
        entries[kept - 1].second = nullptr;  // named twice
      } else {
        entries[kept++] = entries[i];
      }
    }
    entries.resize(kept);
    return folder;
  };
  folders.emplace("", index(*root));
  for (std::size_t p = 0; p < paths.size(); ++p) {
    std::string_view rest = paths[p];
    Folder* folder = folders.find(std::string_view())->second.get();
    std::size_t dir_end = 0;
    while (folder != nullptr) {
      const std::size_t slash = rest.find('/');
      const std::string_view name = rest.substr(0, slash);
      const auto* it = folder->Find(name);
      if (it == nullptr) break;  // no entry
      if (it->second == nullptr) {
        out[p].ambiguous = true;
        break;
      }
      const git_tree_entry* entry = it->second;
      if (slash == std::string_view::npos) {
        out[p] = TreeEntryState{static_cast<std::uint32_t>(git_tree_entry_filemode_raw(entry)),
                                OidString(git_tree_entry_id(entry))};
        break;
      }
      if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) break;  // a file where a folder was
      dir_end += name.size() + 1;
      rest.remove_prefix(slash + 1);
      const std::string_view dir = std::string_view(paths[p]).substr(0, dir_end);
      auto found = folders.find(dir);
      if (found == folders.end()) {
        git_tree* tree = nullptr;
        if (git_tree_lookup(&tree, repo_, git_tree_entry_id(entry)) != 0) {
          return MakeError(ErrorCode::kRepository, "cannot read the folder " + std::string(dir) +
                                                       " of commit " + commit + ": " + LastError());
        }
        found = folders.emplace(std::string(dir), index(tree)).first;
      }
      folder = found->second.get();
    }
  }
  return out;
}

core::Result<std::string> GitRepository::ReadBlob(const std::string& blob_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0) {
    return MakeError(ErrorCode::kInternal, "'" + blob_id + "' is not a blob id");
  }
  return ReadBlobBytes(repo_, &oid);
}

core::Result<std::int64_t> GitRepository::BlobSizeOf(const std::string& blob_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0) {
    return MakeError(ErrorCode::kInternal, "'" + blob_id + "' is not a blob id");
  }
  OwnedOdb odb;
  if (git_repository_odb(odb.out(), repo_) != 0) {
    return MakeError(ErrorCode::kRepository, "cannot open the object store: " + LastError());
  }
  return BlobSize(odb.get(), &oid);
}

std::string GitRepository::LfsObjectsDir() const {
  return std::string(git_repository_commondir(repo_)) + "lfs/objects/";
}

std::string GitRepository::ObjectsDir() const {
  git_buf path = GIT_BUF_INIT;
  std::string out = std::string(git_repository_commondir(repo_)) + "objects/";
  if (git_repository_item_path(&path, repo_, GIT_REPOSITORY_ITEM_OBJECTS) == 0) out = path.ptr;
  git_buf_dispose(&path);
  return out;
}

core::Result<std::vector<AddedHunk>> GitRepository::AddedLines(std::string_view old_text,
                                                               std::string_view new_text) {
  return AddedLinesBetween(old_text, new_text, nullptr, nullptr);
}

core::Result<std::vector<TrackedFile>> GitRepository::ListIndex() {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  std::vector<TrackedFile> out;
  const std::size_t count = git_index_entrycount(*index);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(*index, i);
    if (entry == nullptr) continue;
    const int stage = git_index_entry_stage(entry);
    if (stage != 0 && stage != 2) continue;  // of a conflict, list "ours" only
    out.push_back(TrackedFile{entry->path, KindOf(entry->mode), OidString(&entry->id),
                              static_cast<std::int64_t>(entry->file_size)});
  }
  return out;
}

core::Result<std::optional<TrackedFile>> GitRepository::FindInIndex(const std::string& path) {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  const git_index_entry* entry = git_index_get_bypath(*index, path.c_str(), 0);
  if (entry == nullptr) return std::optional<TrackedFile>();
  return TrackedFile{entry->path, KindOf(entry->mode), OidString(&entry->id),
                     static_cast<std::int64_t>(entry->file_size)};
}

core::Result<std::optional<std::string>> GitRepository::ReadPathAt(const std::string& commit,
                                                                   const std::string& path) {
  auto entry = FindInCommit(commit, path);
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry) return std::optional<std::string>();
  const std::string where = " in commit " + commit.substr(0, 12);
  if ((*entry)->kind == EntryKind::kSymlink || (*entry)->kind == EntryKind::kSubmodule) {
    return MakeError(ErrorCode::kIo, "is a symlink or submodule" + where + ", not a file", path);
  }
  // Only a blob of bounded size: a folder or a huge file is an error, never a read.
  git_oid oid;
  git_odb* odb = nullptr;
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  const bool header = git_oid_fromstr(&oid, (*entry)->blob_id.c_str()) == 0 &&
                      git_repository_odb(&odb, repo_) == 0 &&
                      git_odb_read_header(&size, &type, odb, &oid) == 0;
  git_odb_free(odb);
  if (header && type != GIT_OBJECT_BLOB) {
    return MakeError(ErrorCode::kIo, "is a folder" + where + ", not a file", path);
  }
  if (header && size > static_cast<std::size_t>(kMaxPolicyFileBytes)) {
    return MakeError(ErrorCode::kIo,
                     "is larger" + where + " than the " +
                         std::to_string(kMaxPolicyFileBytes >> 20) + " MiB allowed",
                     path);
  }
  auto blob = ReadBlob((*entry)->blob_id);
  if (!blob) return tl::unexpected(blob.error());
  return std::optional<std::string>(std::move(*blob));
}

core::Result<std::optional<TrackedFile>> GitRepository::FindInCommit(const std::string& commit,
                                                                     const std::string& path) {
  auto tree = TreeOf(repo_, commit);
  if (!tree) return tl::unexpected(tree.error());
  git_tree_entry* entry = nullptr;
  const int rc = git_tree_entry_bypath(&entry, *tree, path.c_str());
  git_tree_free(*tree);
  if (rc == GIT_ENOTFOUND) return std::optional<TrackedFile>();
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot look up " + path + " in commit " + commit + ": " + LastError());
  }
  TrackedFile file{path, KindOf(git_tree_entry_filemode(entry)),
                   OidString(git_tree_entry_id(entry)), 0};
  git_tree_entry_free(entry);
  return file;
}

}  // namespace riskgate::collect

namespace riskgate::collect {

core::Result<std::vector<TrackedFile>> GitRepository::ListCommit(const std::string& commit) {
  auto tree = TreeOf(repo_, commit);
  if (!tree) return tl::unexpected(tree.error());
  std::vector<TrackedFile> files;
  const int rc = git_tree_walk(
      *tree, GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) return 0;
        static_cast<std::vector<TrackedFile>*>(payload)->push_back(TrackedFile{
            std::string(root) + git_tree_entry_name(entry), KindOf(git_tree_entry_filemode(entry)),
            OidString(git_tree_entry_id(entry)), 0});
        return 0;
      },
      &files);
  git_tree_free(*tree);
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository, "cannot list commit " + commit + ": " + LastError());
  }
  return files;
}

std::string GitRepository::ConfiguredAuthor() {
  git_signature* signature = nullptr;
  if (git_signature_default(&signature, repo_) != 0) return "";
  std::string out = std::string(signature->name ? signature->name : "") + " <" +
                    (signature->email ? signature->email : "") + ">";
  git_signature_free(signature);
  return out;
}

std::string GitRepository::CurrentBranch() {
  git_reference* head = nullptr;
  if (git_reference_lookup(&head, repo_, "HEAD") != 0) return "";
  std::string out;
  if (git_reference_type(head) == GIT_REFERENCE_SYMBOLIC) {
    std::string target = git_reference_symbolic_target(head);
    if (target.starts_with("refs/heads/")) out = target.substr(11);
  }
  git_reference_free(head);
  return out;
}

std::string GitRepository::RemoteUrl(const std::string& name) {
  // Read from the configuration, not git_remote_lookup: riskgate makes no git_remote_* call
  // (cmake/StaticDependencies.cmake relies on it).
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo_) != 0) return "";
  const char* url = nullptr;
  std::string out;
  if (git_config_get_string(&url, config, ("remote." + name + ".url").c_str()) == 0 &&
      url != nullptr) {
    out = url;
  }
  git_config_free(config);
  return out;
}

}  // namespace riskgate::collect
