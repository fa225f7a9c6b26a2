// The commit walk of history audits (collect/history_source.h's WalkHistory): every ref and
// HEAD walked by riskgate itself, so that shallow and partial clones stop at their boundary
// instead of failing; commits read by riskgate's own reader where the store holds them, each
// hashed against its id; generations, parents' trees and the --since/--until/--max-commits cut.
#include <algorithm>
#include <cstring>
#include <optional>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "collect/git_history_shared.h"
#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "collect/history_starts.h"
#include "collect/pack/commit_object.h"
#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/pack_index.h"
#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;
using history_internal::IsPartialClone;
using history_internal::OpenHandle;
using history_internal::RepoError;
using history_internal::Starts;

using OwnedRepository = Owned<git_repository, git_repository_free>;

std::string Signature(const git_signature* who) {
  if (who == nullptr) return "";
  return std::string(who->name ? who->name : "") + " <" + (who->email ? who->email : "") + ">";
}

// A grafts file (.git/info/grafts, which git deprecates but still reads) gives commits parents
// their objects do not name, and git log walks them: a graft could show git a history this
// walk, which follows the objects' own parents, never reads. Refused rather than guessed at:
// `git replace --convert-graft-file` turns grafts into replace refs, which the walk follows.
core::Result<void> RefuseGrafts(git_repository* repo) {
  const std::string path = std::string(git_repository_commondir(repo)) + "info/grafts";
  auto text = ReadFileIfPresent(path, ReadLimits{std::int64_t{64} << 20});
  if (!text) return tl::unexpected(text.error());
  if (!*text) return {};
  std::istringstream in(**text);
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view graft = core::TrimSpace(line);
    if (graft.empty() || graft.front() == '#') continue;
    return MakeError(ErrorCode::kRepository,
                     "the repository has grafts, which riskgate does not read: convert them "
                     "with `git replace --convert-graft-file` (replace refs are audited) or "
                     "remove the file",
                     path);
  }
  return {};
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

}  // namespace

// Generation numbers (1 + the parents' largest) without recursion: a parent is finished before
// its child, however deep the history.
static void AssignGenerations(std::vector<HistoryCommit>& commits) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(commits.size());
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

// What refs carry besides their objects, given to the commits (or trees and blobs) they name.
static void AttachRefTexts(std::vector<HistoryCommit>& commits,
                           std::vector<history_internal::RefText>& ref_texts) {
  if (ref_texts.empty()) return;
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t i = 0; i < commits.size(); ++i) by_id.emplace(commits[i].id, i);
  for (auto& [commit, path, text] : ref_texts) {
    if (auto it = by_id.find(OidString(&commit)); it != by_id.end()) {
      commits[it->second].ref_texts.emplace_back(path, std::move(text));
    }
  }
}

// Each tree and blob refs name, once (named by the first ref in name order), as a root commit
// that adds it: no author, no time, no message.
static std::vector<HistoryCommit> RefTargets(std::vector<history_internal::RefTarget>& targets) {
  std::sort(targets.begin(), targets.end(), [](const auto& a, const auto& b) {
    const int order = git_oid_cmp(&a.object, &b.object);
    return order != 0 ? order < 0 : a.ref < b.ref;
  });
  std::vector<HistoryCommit> out;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (i > 0 && git_oid_equal(&targets[i].object, &targets[i - 1].object) != 0) continue;
    HistoryCommit object;
    object.id = OidString(&targets[i].object);
    object.ref = targets[i].ref;
    (targets[i].tree ? object.tree : object.blob) = object.id;
    out.push_back(std::move(object));
  }
  return out;
}

core::Result<std::string> HistoryTip(const GitRepository& repo, const HistoryWalkRequest& request) {
  LibraryUse library;
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  OwnedRepository owned;
  *owned.out() = *handle;
  auto starts = Starts(*handle, request.revs, nullptr, nullptr, /*first_only=*/true);
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
  auto handle = OpenHandle(repo);
  if (!handle) return tl::unexpected(handle.error());
  OwnedRepository owned;
  *owned.out() = *handle;
  git_repository* git = *handle;
  if (auto grafts = RefuseGrafts(git); !grafts) return tl::unexpected(grafts.error());
  std::vector<history_internal::RefText> ref_texts;
  std::vector<history_internal::RefTarget> targets;
  auto starts = Starts(git, request.revs, store.get(), &ref_texts, false, &targets);
  if (!starts) return tl::unexpected(starts.error());
  HistoryWalk walk;
  walk.ref_targets = RefTargets(targets);
  AttachRefTexts(walk.ref_targets, ref_texts);
  if (starts->empty()) return walk;  // no commit yet
  walk.tip = OidString(&starts->front().second);
  CommitReads reads(git, store.get());
  if (auto opened = reads.Open(); !opened) return tl::unexpected(opened.error());
  const auto shallow = ShallowRoots(git);
  const bool partial = IsPartialClone(git);
  std::unordered_set<pack::RawId, pack::RawIdHash> seen;  // by raw id: no string per visit
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
    const std::string_view raw(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
    if (!seen.insert(pack::RawId::From(raw)).second) continue;
    std::string id = OidString(&oid);
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
  AttachRefTexts(commits, ref_texts);
  AssignGenerations(commits);
  {
    std::unordered_map<std::string_view, std::string_view> trees;
    trees.reserve(commits.size());
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
