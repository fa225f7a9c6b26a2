// The history source (collect/history_source.h): a commit's changes from tree diffs (no line
// diffs), read by riskgate's own reader where the object store holds them (trees hashed a few
// at a time, blobs and commits as they are read), and blob reads; libgit2 elsewhere.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "collect/blob_kind.h"
#include "collect/git_history_shared.h"
#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "collect/pack/hash_queue.h"
#include "collect/pack/lru_cache.h"
#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/tree_object.h"
#include "collect/tree_diff.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;
using history_internal::IsPartialClone;
using history_internal::RepoError;

using OwnedOdbObject = Owned<git_odb_object, git_odb_object_free>;

// Raw (20-byte) id of a hex one; the walk's ids are libgit2's, so well-formed.
std::string RawId(const std::string& hex) {
  return core::BytesFromHex(hex).value_or(std::string());
}

class GitHistorySource final : public HistorySource {
 public:
  GitHistorySource(git_repository* repo, std::shared_ptr<const pack::ObjectStore> store)
      : repo_(repo),
        partial_(IsPartialClone(repo)),
        store_(std::move(store)),
        diff_([this](std::string_view raw_id) { return LoadTree(raw_id); }) {
    if (store_ != nullptr) reader_.emplace(*store_, kReaderCacheBytes);
  }
  ~GitHistorySource() override { git_repository_free(repo_); }
  GitHistorySource(const GitHistorySource&) = delete;
  GitHistorySource& operator=(const GitHistorySource&) = delete;

  core::Result<CommitChanges> Changes(const HistoryCommit& commit) override {
    ReleasePages();
    auto changes = Compare(commit);
    if (!changes) return Verified(std::move(changes));  // a tree not its id's error wins
    return changes;
  }

  core::Result<void> CheckReads() override { return VerifyPendingTrees(); }

  core::Result<std::vector<std::pair<std::string, std::string>>> TreeFiles(
      const std::string& commit) override {
    return Verified(ListFiles(commit));
  }

  core::Result<BlobContent> ReadBlob(const std::string& blob, std::int64_t max_bytes) override {
    git_oid oid;
    if (git_oid_fromstr(&oid, blob.c_str()) != 0) {
      return MakeError(ErrorCode::kInternal, "'" + blob + "' is not a blob id");
    }
    BlobContent out;
    if (reader_) {
      // Through riskgate's reader where the store holds it, hashed against its id.
      const std::string_view raw(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
      if (const auto where = store_->Locate(raw)) {
        auto info = reader_->Info(*where);
        if (!info) return tl::unexpected(Named("blob", blob, info.error()));
        if (info->kind != pack::ObjectKind::kBlob) {
          return MakeError(ErrorCode::kRepository, blob + " is not a blob");
        }
        out.size = static_cast<std::int64_t>(info->size);
        if (out.size > max_bytes) {
          // Too large to scan, but it must still be the object its id names.
          auto whole = pack::CheckWhole(*reader_, *store_, *where, pack::ObjectKind::kBlob, raw);
          if (!whole) return tl::unexpected(Named("blob", blob, whole.error()));
          out.state = BlobState::kTooLarge;
          return out;
        }
        auto object = reader_->Read(*where);
        if (!object) return tl::unexpected(Named("blob", blob, object.error()));
        if (!pack::NamesObjectOnce(*store_, *object, pack::ObjectKind::kBlob, raw)) {
          return tl::unexpected(Named("blob", blob, pack::NotItsId()));
        }
        return ClassifyBlob(*object->bytes,
                            std::string(git_repository_commondir(repo_)) + "lfs/objects/",
                            max_bytes);
      }
    }
    if (auto odb = Odb(); !odb) return tl::unexpected(odb.error());
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb_.get(), &oid) != 0) {
      // Only a partial clone may lack blobs its trees name (never fetched); anywhere else, and
      // for an object that is there but does not inflate, the repository is damaged.
      if (partial_ && git_odb_exists(odb_.get(), &oid) == 0) {
        out.state = BlobState::kMissing;
        return out;
      }
      return tl::unexpected(
          RepoError(std::string("blob ") + blob +
                    (git_odb_exists(odb_.get(), &oid) == 0 ? " is missing from the object store"
                                                           : " is corrupt")));
    }
    out.size = static_cast<std::int64_t>(size);
    if (out.size > max_bytes) {
      out.state = BlobState::kTooLarge;
      return out;
    }
    OwnedOdbObject owned;  // straight from the object store: blobs skip the object cache
    if (git_odb_read(owned.out(), odb_.get(), &oid) != 0) {
      return tl::unexpected(RepoError("cannot read blob " + blob));
    }
    return ClassifyBlob(std::string(static_cast<const char*>(git_odb_object_data(owned.get())),
                                    git_odb_object_size(owned.get())),
                        std::string(git_repository_commondir(repo_)) + "lfs/objects/", max_bytes);
  }

 private:
  // What `commit` changed, from trees that may not be hashed yet (Verified checks them).
  core::Result<CommitChanges> Compare(const HistoryCommit& commit) {
    if (!commit.ref.empty()) return RefTarget(commit);
    CommitChanges out;
    const std::string tree = RawId(commit.tree);
    if (commit.parents.empty()) {
      if (auto listed = diff_.Compare("", tree, out); !listed)
        return tl::unexpected(listed.error());
      for (auto& change : out.changed) change.parent_blobs.clear();
      return out;
    }
    if (commit.parent_trees.size() != commit.parents.size()) {
      return MakeError(ErrorCode::kInternal,
                       "commit " + commit.id + " came without its parents' trees");
    }
    if (auto compared = diff_.Compare(RawId(commit.parent_trees[0]), tree, out); !compared) {
      return tl::unexpected(compared.error());
    }
    // A merge gives new content only where no parent had this blob already.
    for (std::size_t p = 1; p < commit.parent_trees.size() && !out.changed.empty(); ++p) {
      std::vector<std::string_view> paths;
      for (const PathChange& change : out.changed) paths.push_back(change.path);
      auto blobs = diff_.BlobsAt(RawId(commit.parent_trees[p]), paths);
      if (!blobs) return tl::unexpected(blobs.error());
      std::size_t i = 0;
      std::erase_if(out.changed, [&](PathChange& change) {
        change.parent_blobs.push_back(std::move((*blobs)[i++]));
        return change.parent_blobs.back() == change.blob;
      });
    }
    return out;
  }

  // A tree or blob only refs name: all it holds is new, each file at "<ref>:<path>" (as git
  // names it), the blob at "<ref>".
  core::Result<CommitChanges> RefTarget(const HistoryCommit& commit) {
    CommitChanges out;
    if (!commit.blob.empty()) {
      out.changed.push_back(PathChange{commit.ref, commit.blob, {}});
      return out;
    }
    if (auto listed = diff_.Compare("", RawId(commit.tree), out); !listed) {
      return tl::unexpected(listed.error());
    }
    const std::string prefix = commit.ref + ":";
    for (auto& change : out.changed) {
      change.path.insert(0, prefix);
      change.parent_blobs.clear();
    }
    for (auto& entry : out.entries) entry.path.insert(0, prefix);
    out.replaced.clear();
    return out;
  }

  core::Result<std::vector<std::pair<std::string, std::string>>> ListFiles(
      const std::string& commit) {
    auto bytes = ReadObject(RawId(commit), pack::ObjectKind::kCommit);
    if (!bytes) return tl::unexpected(bytes.error());
    auto tree = pack::CommitTreeId(**bytes);
    if (!tree) return tl::unexpected(Named("commit", commit, tree.error()));
    CommitChanges listed;
    if (auto walked = diff_.Compare("", *tree, listed); !walked) {
      return tl::unexpected(walked.error());
    }
    std::vector<std::pair<std::string, std::string>> files;
    for (auto& change : listed.changed) files.emplace_back(change.path, change.blob);
    return files;
  }

  // Trees are hashed a few at a time, two side by side (collect/pack/sha1_lanes.h), once read
  // and parsed: across commits (the audit calls CheckReads before it trusts what Changes
  // said), and before TreeFiles returns. An error found meanwhile gives way to a tree that does
  // not hash to its id (as when each tree was hashed as soon as it was read).
  template <class T>
  core::Result<T> Verified(core::Result<T> result) {
    if (auto verified = VerifyPendingTrees(); !verified) return tl::unexpected(verified.error());
    return result;
  }
  core::Result<void> VerifyPendingTrees() {
    const std::size_t bad = pending_trees_.FirstMisnamed();
    const bool all = bad == pending_trees_.size();
    const std::string hex =
        all ? std::string() : core::HexBytes({pending_trees_.id(bad).bytes.data(), pack::kIdBytes});
    for (std::size_t i = 0; all && i < pending_trees_.size(); ++i) {
      store_->verified().Insert(pending_trees_.id(i));
    }
    pending_trees_.Clear();
    if (!all) return tl::unexpected(Named("tree", hex, pack::NotItsId()));
    return {};
  }

  // Delta bases, per thread: the walk reads trees in commit order, far from pack order, and 16
  // MiB re-inflated bases often enough to cost 4% of git/git's audit; the sweep's memory is
  // gone by then (the peak RSS stayed 432 MB). Parsed trees gain nothing from more.
  static constexpr std::size_t kReaderCacheBytes = 48 << 20;
  static constexpr std::size_t kTreeCacheBytes = 32 << 20;  // parsed trees, per thread
  static constexpr std::uint64_t kReleaseBytes = 64 << 20;  // pack bytes touched

  // Once its reader has touched so many pack bytes, lets the pages go (collect/pack/
  // mapped_file.h): trees are spread over the whole pack, and the parsed ones are in the cache.
  // By bytes, not commits: every 512 commits, git/git's walk faulted the same tree pages in
  // again 166 times (5-7% of the audit, a third of its system time).
  void ReleasePages() {
    if (!reader_ || reader_->touched() < released_at_ + kReleaseBytes) return;
    released_at_ = reader_->touched();
    for (const auto& pack : store_->packs()) pack->Release(0, pack->size());
  }

  static core::Error Named(const char* kind, const std::string& hex, core::Error error) {
    error.message = std::string(kind) + " " + hex + " is corrupt: " + error.message;
    return error;
  }

  core::Result<void> Odb() {
    if (odb_.get() == nullptr && git_repository_odb(odb_.out(), repo_) != 0) {
      return tl::unexpected(RepoError("cannot open the object store"));
    }
    return {};
  }

  // The content of the object `raw_id` names, which must be of `kind`: from riskgate's reader
  // (hashed: the bytes must be the object the id names) or from libgit2.
  core::Result<std::shared_ptr<const std::string>> ReadObject(std::string_view raw_id,
                                                              pack::ObjectKind kind) {
    const std::string hex = core::HexBytes(raw_id);
    const char* name = kind == pack::ObjectKind::kTree ? "tree" : "commit";
    if (reader_) {
      const auto where = store_->Locate(raw_id);
      if (!where) {
        return MakeError(ErrorCode::kRepository,
                         std::string(name) + " " + hex + " is missing from the object store");
      }
      auto object = reader_->Read(*where);
      if (!object) return tl::unexpected(Named(name, hex, object.error()));
      // Hashed once per store: read again when a tree cache let it go, or by another thread.
      const pack::RawId id = pack::RawId::From(raw_id);
      if (kind == pack::ObjectKind::kTree && object->kind == kind) {
        if (!store_->verified().Contains(id)) {
          pending_trees_.Add(id, *object);
          if (pending_trees_.full()) {
            if (auto verified = VerifyPendingTrees(); !verified) {
              return tl::unexpected(verified.error());
            }
          }
        }
        return object->bytes;
      }
      if (!pack::NamesObjectOnce(*store_, *object, kind, raw_id)) {
        return tl::unexpected(Named(name, hex, pack::NotItsId()));
      }
      return object->bytes;
    }
    if (auto odb = Odb(); !odb) return tl::unexpected(odb.error());
    git_oid oid;
    std::memcpy(oid.id, raw_id.data(), GIT_OID_RAWSZ);
    OwnedOdbObject owned;
    if (raw_id.size() != GIT_OID_RAWSZ || git_odb_read(owned.out(), odb_.get(), &oid) != 0) {
      return tl::unexpected(RepoError(std::string("cannot read ") + name + " " + hex));
    }
    const git_object_t want = kind == pack::ObjectKind::kTree ? GIT_OBJECT_TREE : GIT_OBJECT_COMMIT;
    if (git_odb_object_type(owned.get()) != want) {
      return MakeError(ErrorCode::kRepository, hex + " is not a " + name);
    }
    return std::make_shared<const std::string>(
        static_cast<const char*>(git_odb_object_data(owned.get())),
        git_odb_object_size(owned.get()));
  }

  // The parsed tree `raw_id` names, kept for the next commits (a child and its parent share
  // most of their trees).
  core::Result<std::shared_ptr<const pack::ParsedTree>> LoadTree(std::string_view raw_id) {
    if (raw_id.size() != pack::kIdBytes) {
      return MakeError(ErrorCode::kInternal, "a tree id of " + std::to_string(raw_id.size()) +
                                                 " bytes: " + core::HexBytes(raw_id));
    }
    const pack::RawId key = pack::RawId::From(raw_id);
    if (const auto* hit = trees_.Get(key)) return *hit;
    auto bytes = ReadObject(raw_id, pack::ObjectKind::kTree);
    if (!bytes) return tl::unexpected(bytes.error());
    auto parsed = pack::ParsedTree::Parse(std::move(*bytes));
    if (!parsed) return tl::unexpected(Named("tree", core::HexBytes(raw_id), parsed.error()));
    auto tree = std::make_shared<const pack::ParsedTree>(std::move(*parsed));
    trees_.Put(key, tree, tree->bytes());
    return tree;
  }

  LibraryUse library_;
  git_repository* repo_;
  OwnedOdb odb_;
  const bool partial_;
  std::shared_ptr<const pack::ObjectStore> store_;
  std::optional<pack::ObjectReader> reader_;
  std::uint64_t released_at_ = 0;  // reader_->touched() when the pages were last let go
  pack::HashQueue pending_trees_{pack::ObjectKind::kTree};  // read, not yet hashed
  pack::LruCache<pack::RawId, std::shared_ptr<const pack::ParsedTree>, pack::RawIdHash> trees_{
      kTreeCacheBytes};
  TreeDiff diff_;
};

}  // namespace

core::Result<std::unique_ptr<HistorySource>> OpenHistorySource(
    const GitRepository& repo, std::shared_ptr<const pack::ObjectStore> store) {
  LibraryUse library;
  auto handle = history_internal::OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  return std::unique_ptr<HistorySource>(new GitHistorySource(*handle, std::move(store)));
}

}  // namespace riskgate::collect
