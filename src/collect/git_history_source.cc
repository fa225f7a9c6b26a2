// The libgit2 side of history audits: a commit walk that survives shallow and partial clones,
// per-commit changes from tree diffs (no line diffs), and blob reads.
#include <algorithm>
#include <cstring>
#include <optional>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "collect/blob_kind.h"
#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "collect/pack/commit_object.h"
#include "collect/pack/hash_queue.h"
#include "collect/pack/lru_cache.h"
#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/tree_object.h"
#include "collect/safe_read.h"
#include "collect/tree_diff.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

using OwnedRepository = Owned<git_repository, git_repository_free>;
using OwnedOdbObject = Owned<git_odb_object, git_odb_object_free>;
using OwnedRefIterator = Owned<git_reference_iterator, git_reference_iterator_free>;

core::Error RepoError(const std::string& what) {
  return core::Error{ErrorCode::kRepository, what + ": " + LastError(), ""};
}

std::string Signature(const git_signature* who) {
  if (who == nullptr) return "";
  return std::string(who->name ? who->name : "") + " <" + (who->email ? who->email : "") + ">";
}

// Commits the repository's `shallow` file names: their parents were never fetched.
std::unordered_set<std::string> ShallowRoots(git_repository* repo) {
  std::unordered_set<std::string> roots;
  // Unreadable: no roots known, so a missing parent stays an error (fails closed).
  const auto text = ReadFileIfPresent(std::string(git_repository_commondir(repo)) + "shallow",
                                      ReadLimits{std::int64_t{64} << 20});
  std::istringstream in(text && *text ? **text : std::string());
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() >= GIT_OID_HEXSZ) roots.insert(line.substr(0, GIT_OID_HEXSZ));
  }
  return roots;
}

// A partial clone (`git clone --filter=...`) names a promisor remote in its config
// (`remote.<name>.promisor`, or `extensions.partialclone` from older git).
bool IsPartialClone(git_repository* repo) {
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo) != 0) return false;
  git_buf value = GIT_BUF_INIT;
  bool partial = git_config_get_string_buf(&value, config, "extensions.partialclone") == 0;
  git_buf_dispose(&value);
  auto promisor = [](const git_config_entry* entry, void* found) {
    int truth = 0;
    if (git_config_parse_bool(&truth, entry->value) == 0 && truth != 0) {
      *static_cast<bool*>(found) = true;
    }
    return 0;
  };
  git_config_foreach_match(config, "^remote\\..*\\.promisor$", promisor, &partial);
  git_config_free(config);
  return partial;
}

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

core::Result<git_repository*> OpenHandle(const GitRepository& repo) {
  git_repository* handle = nullptr;
  if (git_repository_open(&handle, repo.GitDir().c_str()) != 0) {
    return tl::unexpected(RepoError("cannot open " + repo.GitDir()));
  }
  return handle;
}

// Where a walk starts: every ref that leads to a commit (and a detached HEAD), or the
// revisions the user named.
core::Result<std::vector<std::pair<std::string, git_oid>>> Starts(
    git_repository* repo, const std::vector<std::string>& revs) {
  std::vector<std::pair<std::string, git_oid>> starts;
  const auto peel = [&](git_object* object, const std::string& name) {
    OwnedObject commit;
    if (git_object_peel(commit.out(), object, GIT_OBJECT_COMMIT) == 0) {
      starts.emplace_back(name, *git_object_id(commit.get()));
      return true;
    }
    return false;
  };
  for (const auto& rev : revs) {
    OwnedObject object;
    if (const int rc = git_revparse_single(object.out(), repo, rev.c_str()); rc != 0) {
      return MakeError(ErrorCode::kRevision, UnresolvedRevision(rev, rc));
    }
    if (!peel(object.get(), rev)) {
      return MakeError(ErrorCode::kRevision,
                       "'" + rev + "' does not name a commit: " + LastError());
    }
  }
  if (!revs.empty()) return starts;
  OwnedRef head;
  if (git_repository_head(head.out(), repo) == 0) {
    OwnedObject object;
    if (git_reference_peel(object.out(), head.get(), GIT_OBJECT_COMMIT) == 0) {
      starts.emplace_back("HEAD", *git_object_id(object.get()));
    }
  }
  OwnedRefIterator it;
  if (git_reference_iterator_new(it.out(), repo) != 0) {
    return tl::unexpected(RepoError("cannot list the refs"));
  }
  git_reference* ref = nullptr;
  int next = 0;
  while ((next = git_reference_next(&ref, it.get())) == 0) {
    OwnedRef owned;
    *owned.out() = ref;
    OwnedObject object;
    const int peeled = git_reference_peel(object.out(), ref, GIT_OBJECT_COMMIT);
    if (peeled == 0) {
      starts.emplace_back(git_reference_name(ref), *git_object_id(object.get()));
    } else if (peeled == GIT_ENOTFOUND) {
      // A ref whose commit is gone would hide everything only it reaches: not a pass.
      return tl::unexpected(RepoError(std::string("ref ") + git_reference_name(ref) +
                                      " points at an object missing from the repository"));
    }  // else a ref to a tree or blob (a tag of one): no history to walk
  }
  if (next != GIT_ITEROVER) return tl::unexpected(RepoError("cannot list the refs"));
  return starts;
}

}  // namespace

core::Result<std::unique_ptr<HistorySource>> OpenHistorySource(
    const GitRepository& repo, std::shared_ptr<const pack::ObjectStore> store) {
  LibraryUse library;
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  return std::unique_ptr<HistorySource>(new GitHistorySource(*handle, std::move(store)));
}

// Generation numbers (1 + the parents' largest) without recursion: a parent is finished before
// its child, however deep the history.
static void AssignGenerations(std::vector<HistoryCommit>& commits) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < commits.size(); ++i) index.emplace(commits[i].id, i);
  std::vector<int> generation(commits.size(), 0);
  std::vector<std::size_t> stack;
  for (std::size_t root = 0; root < commits.size(); ++root) {
    stack.push_back(root);
    while (!stack.empty()) {
      const std::size_t c = stack.back();
      if (generation[c] != 0) {
        stack.pop_back();
        continue;
      }
      int value = 1;
      bool ready = true;
      for (const auto& parent : commits[c].parents) {
        const std::size_t p = index.at(parent);
        if (generation[p] == 0) {
          stack.push_back(p);
          ready = false;
        } else {
          value = std::max(value, generation[p] + 1);
        }
      }
      if (!ready) continue;
      generation[c] = value;
      stack.pop_back();
    }
  }
  for (std::size_t i = 0; i < commits.size(); ++i) commits[i].generation = generation[i];
}

// libgit2 keeps every commit it reads in its object cache (up to 256 MiB); a walk reads each
// once, so for its length commits are not kept (then libgit2's default again).
struct CommitsNotCached {
  static constexpr std::size_t kLibgit2Default = 4096;  // bytes: commits up to this are kept
  CommitsNotCached() { Set(0); }
  ~CommitsNotCached() { Set(kLibgit2Default); }
  CommitsNotCached(const CommitsNotCached&) = delete;
  CommitsNotCached& operator=(const CommitsNotCached&) = delete;
  static void Set(std::size_t limit) {
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, limit);
  }
};

core::Result<std::string> HistoryTip(const GitRepository& repo, const HistoryWalkRequest& request) {
  LibraryUse library;
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  OwnedRepository owned;
  *owned.out() = *handle;
  auto starts = Starts(*handle, request.revs);
  if (!starts) return tl::unexpected(starts.error());
  return starts->empty() ? std::string() : OidString(&starts->front().second);
}

namespace {

// Reads the walk's commits: through riskgate's reader where the store holds them (hashed against
// their ids, parsed by collect/pack/commit_object.h), else (and for any commit of a shape that
// parser leaves to libgit2) through libgit2.
class CommitReads {
 public:
  CommitReads(git_repository* repo, const pack::ObjectStore* store) : repo_(repo), store_(store) {
    if (store_ != nullptr) reader_.emplace(*store_, kCacheBytes);
  }

  core::Result<void> Open() {
    if (git_repository_odb(odb_.out(), repo_) != 0) {
      return tl::unexpected(RepoError("cannot open the object store"));
    }
    return {};
  }

  // The facts of commit `oid` (hex `id`) but its parents' trees and generation, and its parents'
  // ids (hex).
  core::Result<HistoryCommit> Read(const git_oid& oid, const std::string& id) {
    const std::string_view raw(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
    if (reader_) {
      if (const auto where = store_->Locate(raw)) {
        auto object = reader_->Read(*where);
        if (!object) return tl::unexpected(Corrupt(id, object.error()));
        if (object->kind == pack::ObjectKind::kCommit) {
          if (!pack::NamesObjectOnce(*store_, *object, pack::ObjectKind::kCommit, raw)) {
            return tl::unexpected(Corrupt(id, pack::NotItsId()));
          }
          if (auto parsed = pack::ParseCommit(*object->bytes)) {
            return HistoryCommit{id,
                                 std::move(parsed->author),
                                 parsed->time,
                                 std::move(parsed->parents),
                                 false,
                                 1,
                                 std::move(parsed->message),
                                 std::move(parsed->tree)};
          }
        }
      }
    }
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0) {
      return tl::unexpected(RepoError("cannot read commit " + id));
    }
    HistoryCommit facts{id,
                        Signature(git_commit_author(commit.get())),
                        static_cast<long long>(git_commit_time(commit.get())),
                        {},
                        false};
    if (const char* message = git_commit_message(commit.get())) facts.message = message;
    facts.tree = OidString(git_commit_tree_id(commit.get()));
    for (unsigned int p = 0; p < git_commit_parentcount(commit.get()); ++p) {
      facts.parents.push_back(OidString(git_commit_parent_id(commit.get(), p)));
    }
    return facts;
  }

  bool Exists(const git_oid& oid) {
    const std::string_view raw(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
    return (store_ != nullptr && store_->Locate(raw)) || git_odb_exists(odb_.get(), &oid) != 0;
  }

 private:
  static constexpr std::size_t kCacheBytes = std::size_t{4} << 20;  // commits are rarely deltas

  static core::Error Corrupt(const std::string& id, core::Error error) {
    error.message = "commit " + id + " is corrupt: " + error.message;
    return error;
  }

  git_repository* repo_;
  const pack::ObjectStore* store_;
  std::optional<pack::ObjectReader> reader_;
  OwnedOdb odb_;
};

}  // namespace

core::Result<HistoryWalk> WalkHistory(const GitRepository& repo, const HistoryWalkRequest& request,
                                      std::shared_ptr<const pack::ObjectStore> store) {
  LibraryUse library;
  const CommitsNotCached not_cached;
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  OwnedRepository owned;
  *owned.out() = *handle;
  git_repository* git = *handle;
  auto starts = Starts(git, request.revs);
  if (!starts) return tl::unexpected(starts.error());
  HistoryWalk walk;
  if (starts->empty()) return walk;  // no commit yet
  walk.tip = OidString(&starts->front().second);
  CommitReads reads(git, store.get());
  if (auto opened = reads.Open(); !opened) return tl::unexpected(opened.error());
  const auto shallow = ShallowRoots(git);
  const bool partial = IsPartialClone(git);
  std::unordered_set<std::string> seen;
  std::vector<git_oid> stack;
  for (const auto& [name, oid] : *starts) {
    if (std::find(walk.refs.begin(), walk.refs.end(), name) == walk.refs.end()) {
      walk.refs.push_back(name);
    }
    stack.push_back(oid);
  }
  std::vector<HistoryCommit> commits;
  while (!stack.empty()) {
    const git_oid oid = stack.back();
    stack.pop_back();
    std::string id = OidString(&oid);
    if (!seen.insert(id).second) continue;
    auto read = reads.Read(oid, id);
    if (!read) return tl::unexpected(read.error());
    HistoryCommit facts = std::move(*read);
    std::vector<std::string> parents = std::move(facts.parents);
    facts.parents.clear();
    facts.boundary = !parents.empty() && shallow.contains(id);
    for (std::size_t p = 0; p < parents.size() && !facts.boundary; ++p) {
      git_oid parent;
      if (git_oid_fromstr(&parent, parents[p].c_str()) != 0) {
        return tl::unexpected(RepoError("commit " + id + " names parent " + parents[p]));
      }
      if (!reads.Exists(parent)) {
        // Only a shallow or partial clone may lack a parent; anywhere else it is damage.
        if (shallow.empty() && !partial) {
          return tl::unexpected(RepoError("commit " + id + " names parent " + parents[p] +
                                          ", which is missing from the repository"));
        }
        facts.boundary = true;
        break;
      }
      facts.parents.push_back(std::move(parents[p]));
      stack.push_back(parent);
    }
    if (facts.boundary) {
      facts.parents.clear();
      walk.stopped_at.push_back(id);
    }
    commits.push_back(std::move(facts));
  }
  walk.reachable = static_cast<int>(commits.size());
  AssignGenerations(commits);
  {
    std::unordered_map<std::string_view, std::string_view> trees;
    for (const auto& commit : commits) trees.emplace(commit.id, commit.tree);
    std::vector<std::vector<std::string>> parent_trees(commits.size());
    for (std::size_t c = 0; c < commits.size(); ++c) {
      for (const auto& parent : commits[c].parents) {
        parent_trees[c].emplace_back(trees.at(parent));
      }
    }
    for (std::size_t c = 0; c < commits.size(); ++c)
      commits[c].parent_trees = std::move(parent_trees[c]);
  }
  std::sort(commits.begin(), commits.end(), [](const HistoryCommit& a, const HistoryCommit& b) {
    return std::tie(b.time, b.generation, a.id) < std::tie(a.time, a.generation, b.id);
  });
  std::erase_if(commits, [&](const HistoryCommit& c) {
    return (request.since && c.time < *request.since) || (request.until && c.time > *request.until);
  });
  if (request.max_commits > 0 && commits.size() > static_cast<std::size_t>(request.max_commits)) {
    commits.resize(static_cast<std::size_t>(request.max_commits));
  }
  std::sort(walk.stopped_at.begin(), walk.stopped_at.end());
  walk.commits = std::move(commits);
  return walk;
}

}  // namespace riskgate::collect
