// The libgit2 side of history audits: a commit walk that survives shallow and partial clones,
// per-commit changes from tree diffs (no line diffs), and blob reads.
#include <algorithm>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "collect/blob_kind.h"
#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "collect/safe_read.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

using OwnedRepository = Owned<git_repository, git_repository_free>;
using OwnedOdbObject = Owned<git_odb_object, git_odb_object_free>;
using OwnedEntry = Owned<git_tree_entry, git_tree_entry_free>;
using OwnedRefIterator = Owned<git_reference_iterator, git_reference_iterator_free>;

core::Error RepoError(const std::string& what) {
  return core::Error{ErrorCode::kRepository, what + ": " + LastError(), ""};
}

bool IsRegular(git_filemode_t mode) {
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
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

core::Result<git_tree*> CommitTree(git_repository* repo, const std::string& id) {
  git_oid oid;
  OwnedCommit commit;
  git_tree* tree = nullptr;
  if (git_oid_fromstr(&oid, id.c_str()) != 0 || git_commit_lookup(commit.out(), repo, &oid) != 0 ||
      git_commit_tree(&tree, commit.get()) != 0) {
    return tl::unexpected(RepoError("cannot read the tree of commit " + id));
  }
  return tree;
}

// The blob at `path` in `tree`, or "" when there is no regular file there.
std::string BlobAt(git_tree* tree, const std::string& path) {
  OwnedEntry entry;
  if (git_tree_entry_bypath(entry.out(), tree, path.c_str()) != 0) return "";
  if (!IsRegular(git_tree_entry_filemode(entry.get()))) return "";
  return OidString(git_tree_entry_id(entry.get()));
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

class GitHistorySource final : public HistorySource {
 public:
  explicit GitHistorySource(git_repository* repo) : repo_(repo), partial_(IsPartialClone(repo)) {}
  ~GitHistorySource() override { git_repository_free(repo_); }
  GitHistorySource(const GitHistorySource&) = delete;
  GitHistorySource& operator=(const GitHistorySource&) = delete;

  core::Result<CommitChanges> Changes(const HistoryCommit& commit) override {
    auto tree = CommitTree(repo_, commit.id);
    if (!tree) return tl::unexpected(tree.error());
    OwnedTree owned_tree;
    *owned_tree.out() = *tree;
    if (commit.parents.empty()) return WholeTree(*tree);
    std::vector<OwnedTree> parent_trees(commit.parents.size());
    for (std::size_t p = 0; p < commit.parents.size(); ++p) {
      auto parent = CommitTree(repo_, commit.parents[p]);
      if (!parent) return tl::unexpected(parent.error());
      *parent_trees[p].out() = *parent;
    }
    CommitChanges out;
    if (!DiffTrees(parent_trees[0].get(), *tree, "", out)) {
      return tl::unexpected(RepoError("cannot compare the trees of commit " + commit.id));
    }
    if (parent_trees.size() > 1) {
      // A merge gives new content only where no parent had this blob already.
      std::erase_if(out.changed, [&](PathChange& change) {
        for (std::size_t p = 1; p < parent_trees.size(); ++p) {
          change.parent_blobs.push_back(BlobAt(parent_trees[p].get(), change.path));
          if (change.parent_blobs.back() == change.blob) return true;
        }
        return false;
      });
    }
    return out;
  }

  core::Result<BlobContent> ReadBlob(const std::string& blob, std::int64_t max_bytes) override {
    git_oid oid;
    if (git_oid_fromstr(&oid, blob.c_str()) != 0) {
      return MakeError(ErrorCode::kInternal, "'" + blob + "' is not a blob id");
    }
    BlobContent out;
    if (odb_.get() == nullptr && git_repository_odb(odb_.out(), repo_) != 0) {
      return tl::unexpected(RepoError("cannot open the object store"));
    }
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

  core::Result<std::vector<std::pair<std::string, std::string>>> TreeFiles(
      const std::string& commit) override {
    auto tree = CommitTree(repo_, commit);
    if (!tree) return tl::unexpected(tree.error());
    OwnedTree owned;
    *owned.out() = *tree;
    std::vector<std::pair<std::string, std::string>> files;
    auto walked = WholeTree(*tree);
    if (!walked) return tl::unexpected(walked.error());
    for (auto& change : walked->changed) files.emplace_back(change.path, change.blob);
    return files;
  }

 private:
  // Compares two trees entry by entry, descending only into subtrees whose ids differ (no
  // line diffs, no rename detection): the regular files `new_tree` gives new content, and the
  // files of `old_tree` it deletes or rewrites. Either tree may be null (nothing there).
  bool DiffTrees(git_tree* old_tree, git_tree* new_tree, const std::string& prefix,
                 CommitChanges& out) {
    const std::size_t new_count = new_tree != nullptr ? git_tree_entrycount(new_tree) : 0;
    for (std::size_t i = 0; i < new_count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(new_tree, i);
      const char* name = git_tree_entry_name(entry);
      const git_tree_entry* old =
          old_tree != nullptr ? git_tree_entry_byname(old_tree, name) : nullptr;
      const git_filemode_t mode = git_tree_entry_filemode(entry);
      const git_filemode_t old_mode = old != nullptr ? git_tree_entry_filemode(old) : mode;
      if (old != nullptr && git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(old)) &&
          (mode == old_mode || (IsRegular(mode) && IsRegular(old_mode)))) {
        continue;
      }
      const std::string path = prefix + name;
      const bool old_is_tree = old != nullptr && old_mode == GIT_FILEMODE_TREE;
      const bool old_regular = old != nullptr && IsRegular(old_mode);
      if (old_regular) out.replaced.emplace_back(path, OidString(git_tree_entry_id(old)));
      if (mode == GIT_FILEMODE_TREE) {
        if (!Descend(old_is_tree ? old : nullptr, entry, path + "/", out)) return false;
        continue;
      }
      if (old_is_tree && !Descend(old, nullptr, path + "/", out)) return false;
      const bool link = mode == GIT_FILEMODE_LINK;
      if (old == nullptr || old_is_tree || link) {
        out.entries.push_back(PathEntry{path,
                                        link ? OidString(git_tree_entry_id(entry)) : std::string(),
                                        old == nullptr || old_is_tree});
      }
      if (!IsRegular(mode)) continue;
      out.changed.push_back(
          PathChange{path,
                     OidString(git_tree_entry_id(entry)),
                     {old_regular ? OidString(git_tree_entry_id(old)) : std::string()}});
    }
    const std::size_t old_count = old_tree != nullptr ? git_tree_entrycount(old_tree) : 0;
    for (std::size_t i = 0; i < old_count; ++i) {
      const git_tree_entry* old = git_tree_entry_byindex(old_tree, i);
      const char* name = git_tree_entry_name(old);
      if (new_tree != nullptr && git_tree_entry_byname(new_tree, name) != nullptr) continue;
      const std::string path = prefix + name;
      const git_filemode_t old_mode = git_tree_entry_filemode(old);
      if (IsRegular(old_mode)) out.replaced.emplace_back(path, OidString(git_tree_entry_id(old)));
      if (old_mode == GIT_FILEMODE_TREE && !Descend(old, nullptr, path + "/", out)) return false;
    }
    return true;
  }

  // DiffTrees on the subtrees two entries name (either may be null).
  bool Descend(const git_tree_entry* old_entry, const git_tree_entry* new_entry,
               const std::string& prefix, CommitChanges& out) {
    OwnedTree old_tree;
    OwnedTree new_tree;
    if (old_entry != nullptr &&
        git_tree_lookup(old_tree.out(), repo_, git_tree_entry_id(old_entry)) != 0) {
      return false;
    }
    if (new_entry != nullptr &&
        git_tree_lookup(new_tree.out(), repo_, git_tree_entry_id(new_entry)) != 0) {
      return false;
    }
    return DiffTrees(old_tree.get(), new_tree.get(), prefix, out);
  }

  // Every regular file of `tree` as a change from nothing.
  core::Result<CommitChanges> WholeTree(git_tree* tree) {
    CommitChanges out;
    const auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
      const git_filemode_t mode = git_tree_entry_filemode(entry);
      if (mode == GIT_FILEMODE_TREE) return 0;
      auto* changes = static_cast<CommitChanges*>(payload);
      const bool link = mode == GIT_FILEMODE_LINK;
      changes->entries.push_back(
          PathEntry{std::string(root) + git_tree_entry_name(entry),
                    link ? OidString(git_tree_entry_id(entry)) : std::string(), true});
      if (!IsRegular(mode)) return 0;
      changes->changed.push_back(PathChange{
          std::string(root) + git_tree_entry_name(entry), OidString(git_tree_entry_id(entry)), {}});
      return 0;
    };
    if (git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &out) != 0) {
      return tl::unexpected(RepoError("cannot list a tree"));
    }
    return out;
  }

  LibraryUse library_;
  git_repository* repo_;
  OwnedOdb odb_;
  const bool partial_;
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

core::Result<std::unique_ptr<HistorySource>> OpenHistorySource(const GitRepository& repo) {
  LibraryUse library;
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  return std::unique_ptr<HistorySource>(new GitHistorySource(*handle));
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

core::Result<HistoryWalk> WalkHistory(const GitRepository& repo,
                                      const HistoryWalkRequest& request) {
  LibraryUse library;
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
  OwnedOdb odb;
  if (git_repository_odb(odb.out(), git) != 0) {
    return tl::unexpected(RepoError("cannot open the object store"));
  }
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
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), git, &oid) != 0) {
      return tl::unexpected(RepoError("cannot read commit " + id));
    }
    HistoryCommit facts{id,
                        Signature(git_commit_author(commit.get())),
                        static_cast<long long>(git_commit_time(commit.get())),
                        {},
                        false};
    if (const char* message = git_commit_message(commit.get())) facts.message = message;
    const unsigned int parents = git_commit_parentcount(commit.get());
    facts.boundary = parents > 0 && shallow.contains(id);
    for (unsigned int p = 0; p < parents && !facts.boundary; ++p) {
      const git_oid* parent = git_commit_parent_id(commit.get(), p);
      if (git_odb_exists(odb.get(), parent) == 0) {
        // Only a shallow or partial clone may lack a parent; anywhere else it is damage.
        if (shallow.empty() && !partial) {
          return tl::unexpected(RepoError("commit " + id + " names parent " + OidString(parent) +
                                          ", which is missing from the repository"));
        }
        facts.boundary = true;
        break;
      }
      facts.parents.push_back(OidString(parent));
      stack.push_back(*parent);
    }
    if (facts.boundary) {
      facts.parents.clear();
      walk.stopped_at.push_back(id);
    }
    commits.push_back(std::move(facts));
  }
  walk.reachable = static_cast<int>(commits.size());
  AssignGenerations(commits);
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
