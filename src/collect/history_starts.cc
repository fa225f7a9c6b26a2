#include "collect/history_starts.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <unordered_set>

#include "collect/facts.h"
#include "collect/git_history_shared.h"
#include "collect/git_repository.h"
#include "collect/pack/commit_object.h"
#include "collect/pack/object_reader.h"
#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::collect::history_internal {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

using OwnedRefIterator = Owned<git_reference_iterator, git_reference_iterator_free>;
using OwnedOdbObject = Owned<git_odb_object, git_odb_object_free>;

constexpr int kMaxTagChain = 64;

struct RefObject {
  git_object_t type = GIT_OBJECT_INVALID;
  std::shared_ptr<const std::string> bytes;  // as read: a ref may name a blob of any size
};

// Reads the objects refs name: through riskgate's reader where the store holds them (hashed
// against their ids), else through libgit2.
class RefObjects {
 public:
  RefObjects(git_repository* repo, const pack::ObjectStore* store) : repo_(repo), store_(store) {
    if (store_ != nullptr) reader_.emplace(*store_, kCacheBytes);
  }

  // The object `oid` names; nullopt when the repository does not hold it.
  core::Result<std::optional<RefObject>> Read(const git_oid& oid) {
    const std::string_view raw(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
    if (reader_) {
      if (const auto where = store_->Locate(raw)) {
        auto object = reader_->Read(*where);
        if (!object) return tl::unexpected(Named(oid, object.error()));
        if (!pack::NamesObjectOnce(*store_, *object, object->kind, raw)) {
          return tl::unexpected(Named(oid, pack::NotItsId()));
        }
        return RefObject{git_internal::GitTypeOf(object->kind), std::move(object->bytes)};
      }
    }
    if (!odb_.get() && git_repository_odb(odb_.out(), repo_) != 0) {
      return tl::unexpected(RepoError("cannot open the object store"));
    }
    OwnedOdbObject object;
    const int rc = git_odb_read(object.out(), odb_.get(), &oid);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) return tl::unexpected(RepoError("cannot read object " + OidString(&oid)));
    return RefObject{git_odb_object_type(object.get()),
                     std::make_shared<const std::string>(
                         static_cast<const char*>(git_odb_object_data(object.get())),
                         git_odb_object_size(object.get()))};
  }

 private:
  static constexpr std::size_t kCacheBytes = std::size_t{1} << 20;

  static core::Error Named(const git_oid& oid, core::Error error) {
    error.message = "object " + OidString(&oid) + " is corrupt: " + error.message;
    return error;
  }

  git_repository* repo_;
  const pack::ObjectStore* store_;
  std::optional<pack::ObjectReader> reader_;
  OwnedOdb odb_;
};

// A tag object's message: what follows the header's blank line (a signature included: what
// a tag carries is judged whole).
std::string_view TagMessage(std::string_view tag) {
  const std::size_t blank = tag.find("\n\n");
  return blank == std::string_view::npos ? std::string_view() : tag.substr(blank + 2);
}

// What an annotated tag pushes besides its target: its own name and its message.
struct TagTexts {
  git_oid tag;
  std::string name;
  std::string message;
};

// The object a ref leads to through tags: a commit, a tree or a blob.
struct Peeled {
  git_oid oid;
  git_object_t type = GIT_OBJECT_INVALID;
};

// The commit, tree or blob `ref` (named `name`) leads to through tags. What the tags on the way
// carry goes to `tags`.
core::Result<Peeled> Peel(RefObjects& objects, git_oid oid, const std::string& name,
                          std::vector<TagTexts>& tags) {
  for (int depth = 0; depth <= kMaxTagChain; ++depth) {
    auto object = objects.Read(oid);
    if (!object) return tl::unexpected(object.error());
    if (!*object) {
      // A ref whose commit is gone would hide everything only it reaches: not a pass.
      return tl::unexpected(RepoError("ref " + name +
                                      " points at an object missing from the repository (" +
                                      OidString(&oid) + ")"));
    }
    const std::string& bytes = *(*object)->bytes;
    switch ((*object)->type) {
      case GIT_OBJECT_COMMIT:
      case GIT_OBJECT_TREE:
      case GIT_OBJECT_BLOB:
        return Peeled{oid, (*object)->type};
      case GIT_OBJECT_TAG: {
        tags.push_back(TagTexts{oid, std::string(pack::TagName(bytes).value_or("")),
                                std::string(TagMessage(bytes))});
        const auto target = pack::TagTargetId(bytes);
        if (!target || git_oid_fromstr(&oid, target->c_str()) != 0) {
          return MakeError(ErrorCode::kRepository,
                           "ref " + name + ": tag " + OidString(&oid) + " is malformed");
        }
        break;
      }
      default:
        return MakeError(ErrorCode::kRepository, "ref " + name + ": object " + OidString(&oid) +
                                                     " is of no kind git knows");
    }
  }
  return MakeError(ErrorCode::kRepository, "ref " + name + ": more than " +
                                               std::to_string(kMaxTagChain) + " tags in a chain");
}

// Another worktree's HEAD file, `file` (named `name` in the report): its commit goes to `add`
// when detached; a symbolic one ("ref: ...") names a ref, and nothing is added for it.
template <class Add>
core::Result<void> AddHeadFile(const std::string& file, const std::string& name, const Add& add) {
  auto text = ReadFileIfPresent(file, ReadLimits{std::int64_t{4} << 10});
  if (!text) return tl::unexpected(text.error());
  if (!*text) return {};
  const std::string_view head = core::TrimSpace(**text);
  if (head.starts_with("ref:")) return {};
  git_oid oid;
  if (head.size() != GIT_OID_HEXSZ ||
      head.find_first_not_of("0123456789abcdef") != std::string_view::npos ||
      git_oid_fromstrn(&oid, head.data(), head.size()) != 0) {
    return MakeError(ErrorCode::kRepository, name + " is neither a commit id nor a ref", file);
  }
  return add(oid, name);
}

}  // namespace

core::Result<std::vector<std::pair<std::string, git_oid>>> Starts(
    git_repository* repo, const std::vector<std::string>& revs, const pack::ObjectStore* store,
    std::vector<RefText>* ref_texts, bool first_only, std::vector<RefTarget>* targets) {
  std::vector<std::pair<std::string, git_oid>> starts;
  const auto done = [&] { return first_only && !starts.empty(); };
  for (const auto& rev : revs) {
    OwnedObject object;
    if (const int rc = git_revparse_single(object.out(), repo, rev.c_str()); rc != 0) {
      return MakeError(ErrorCode::kRevision, UnresolvedRevision(rev, rc, LastError()));
    }
    OwnedObject commit;
    if (git_object_peel(commit.out(), object.get(), GIT_OBJECT_COMMIT) != 0) {
      return MakeError(ErrorCode::kRevision,
                       "'" + rev + "' does not name a commit: " + LastError());
    }
    starts.emplace_back(rev, *git_object_id(commit.get()));
    if (done()) return starts;
  }
  if (!revs.empty()) return starts;
  RefObjects objects(repo, store);
  std::unordered_set<std::string> tags_seen;  // tag ids (hex) whose texts were kept
  const auto add_id = [&](const git_oid& id, const std::string& name) -> core::Result<void> {
    std::vector<TagTexts> tags;
    auto peeled = Peel(objects, id, name, tags);
    if (!peeled) return tl::unexpected(peeled.error());
    if (peeled->type == GIT_OBJECT_COMMIT) {
      starts.emplace_back(name, peeled->oid);
    } else if (targets != nullptr) {  // no history to walk, but what it names is pushed
      targets->push_back(RefTarget{name, peeled->oid, peeled->type == GIT_OBJECT_TREE});
    } else {
      return {};
    }
    if (ref_texts == nullptr) return {};
    const git_oid& at = peeled->oid;
    // A ref's name is pushed with it (HEAD and worktrees' HEADs are this repository's own).
    if (name.starts_with("refs/")) ref_texts->push_back(RefText{at, kRefNamePath, name});
    for (auto& tag : tags) {
      if (!tags_seen.insert(OidString(&tag.tag)).second) continue;
      if (!tag.name.empty()) ref_texts->push_back(RefText{at, kRefNamePath, std::move(tag.name)});
      ref_texts->push_back(RefText{at, kTagMessagePath, std::move(tag.message)});
    }
    return {};
  };
  const auto add = [&](git_reference* ref, const std::string& name) -> core::Result<void> {
    OwnedRef resolved;
    if (git_reference_resolve(resolved.out(), ref) != 0 ||
        git_reference_target(resolved.get()) == nullptr) {
      return tl::unexpected(
          RepoError("ref " + name + " points at an object missing from the repository"));
    }
    return add_id(*git_reference_target(resolved.get()), name);
  };
  OwnedRef head;
  if (git_repository_head(head.out(), repo) == 0) {
    if (auto added = add(head.get(), "HEAD"); !added) return tl::unexpected(added.error());
    if (done()) return starts;
  }
  // The other worktrees' HEADs, as git log --all walks them: read from their HEAD files, as git
  // reads them (even where a worktree's folder is gone). A detached one names a commit no ref
  // may reach; one on a branch names a ref walked below (or an unborn branch: nothing).
  const std::string common = git_repository_commondir(repo);
  if (git_repository_is_worktree(repo) == 1) {  // run in a linked worktree
    if (auto added = AddHeadFile(common + "HEAD", "main-worktree/HEAD", add_id); !added) {
      return tl::unexpected(added.error());
    }
    if (done()) return starts;
  }
  // Every folder of .git/worktrees, as git lists them: libgit2's list leaves out a worktree
  // whose files it finds wanting (a HEAD that is not a regular file), and with it that HEAD.
  std::vector<std::string> worktrees;
  std::error_code error;
  const std::filesystem::path folder = common + "worktrees";
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_directory(error)) worktrees.push_back(it->path().filename().string());
  }
  if (error && error != std::errc::no_such_file_or_directory) {
    return MakeError(ErrorCode::kRepository, "cannot list the worktrees: " + error.message(),
                     folder.string());
  }
  std::sort(worktrees.begin(), worktrees.end());
  for (const std::string& worktree : worktrees) {
    if (auto added = AddHeadFile(common + "worktrees/" + worktree + "/HEAD",
                                 "worktrees/" + worktree + "/HEAD", add_id);
        !added) {
      return tl::unexpected(added.error());
    }
    if (done()) return starts;
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
    if (auto added = add(ref, git_reference_name(ref)); !added) {
      return tl::unexpected(added.error());
    }
    if (done()) return starts;
  }
  if (next != GIT_ITEROVER) return tl::unexpected(RepoError("cannot list the refs"));
  return starts;
}

}  // namespace riskgate::collect::history_internal
