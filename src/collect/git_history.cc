#include <cstring>
#include <optional>

#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "collect/handle_ahead.h"
#include "collect/safe_read.h"

// The history walks of GitRepository: merge bases, the commits of a range, and when a path last
// changed.
namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

constexpr const char* kFetchFullHistory =
    "; fetch the full history (actions/checkout `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`)";

// A walk that failed: on a shallow clone because history is missing (`shallow_subject` says
// what cannot be known), else libgit2's own error after `what`.
core::Error WalkError(bool shallow, const std::string& shallow_subject, const std::string& what) {
  if (shallow) {
    return core::Error{ErrorCode::kShallow,
                       "this is a shallow clone, so " + shallow_subject + kFetchFullHistory, ""};
  }
  return core::Error{ErrorCode::kRepository, what + ": " + LastError(), ""};
}

// A revwalk from `head` in `sorting` order, or the libgit2 failure's description.
std::optional<std::string> StartWalk(git_repository* repo, OwnedWalk& walk, const std::string& head,
                                     unsigned int sorting) {
  if (git_revwalk_new(walk.out(), repo) != 0) return std::string("cannot walk history");
  git_revwalk_sorting(walk.get(), sorting);
  git_oid oid;
  if (git_oid_fromstr(&oid, head.c_str()) != 0 || git_revwalk_push(walk.get(), &oid) != 0) {
    return "cannot walk from " + head;
  }
  return std::nullopt;
}

// Whether `ancestor` is on `descendant`'s first-parent chain, looked for while the chain's
// commits are no more than a day older than `ancestor` and for at most 1,024 commits. A range
// of a push, or of a branch on top of its target, has its base there: its merge base is then
// the base, found in a few commit reads instead of a walk of both histories (~20,000 commits,
// 0.15 s of one core on git/git). False says only "not found this way": committer times are
// the change's to write, so they bound the search and never decide it.
bool OnFirstParentChain(git_repository* repo, const git_oid& ancestor, const git_oid& descendant) {
  constexpr int kMaxCommits = 1024;
  constexpr long long kClockSkew = 24 * 60 * 60;
  OwnedCommit target;
  if (git_commit_lookup(target.out(), repo, &ancestor) != 0) return false;
  const long long oldest = static_cast<long long>(git_commit_time(target.get())) - kClockSkew;
  git_oid at = descendant;
  for (int seen = 0; seen < kMaxCommits; ++seen) {
    if (git_oid_equal(&at, &ancestor)) return true;
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), repo, &at) != 0 ||
        git_commit_parentcount(commit.get()) == 0 ||
        static_cast<long long>(git_commit_time(commit.get())) < oldest) {
      return false;
    }
    at = *git_commit_parent_id(commit.get(), 0);
  }
  return false;
}

}  // namespace

struct GitRepository::RangeAhead {
  RangeAhead(GitRepository& repo, const std::string& from, const std::string& to)
      : base(from),
        head(to),
        commits(
            repo, [from, to](GitRepository& handle) { return handle.WalkRange(from, to); },
            "the walk of the range's commits") {}

  const std::string base;
  const std::string head;
  HandleAhead<std::vector<CommitRef>> commits;
};

void GitRepository::WalkRangeAhead(const std::string& base, const std::string& head) {
  range_ahead_.reset();  // a range walked before is waited for
  // In a shallow clone the merge base, asked first on this handle, tells whether the history is
  // there; a walk meeting the boundary would only fail later (and libgit2 1.5 leaks its list
  // nodes when a parent is missing), so the range is walked when asked, as it was.
  if (IsShallow()) return;
  range_ahead_ = std::make_shared<RangeAhead>(*this, base, head);
}

core::Result<std::vector<CommitRef>> GitRepository::RangeCommits(const std::string& base,
                                                                 const std::string& head) {
  if (range_ahead_ != nullptr && range_ahead_->base == base && range_ahead_->head == head) {
    auto commits = range_ahead_->commits.Take();
    range_ahead_.reset();
    return commits;
  }
  return WalkRange(base, head);
}

core::Result<std::vector<CommitRef>> GitRepository::WalkRange(const std::string& base,
                                                              const std::string& head) {
  auto fail = [&](const std::string& what) -> core::Result<std::vector<CommitRef>> {
    return tl::unexpected(WalkError(
        IsShallow(),
        "the commits in " + base.substr(0, 12) + ".." + head.substr(0, 12) + " cannot be walked",
        what));
  };
  OwnedWalk walk;
  if (auto failed = StartWalk(repo_, walk, head, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE)) {
    return fail(*failed);
  }
  git_oid oid;
  if (!base.empty()) {
    git_oid_fromstr(&oid, base.c_str());
    if (git_revwalk_hide(walk.get(), &oid) != 0) return fail("cannot hide " + base);
  }
  std::vector<CommitRef> out;
  int rc = 0;
  while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0) {
      return fail("cannot read commit " + OidString(&oid));
    }
    CommitRef ref{
        OidString(&oid), static_cast<int>(git_commit_parentcount(commit.get())), "", {}, ""};
    for (unsigned int i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      ref.parent_ids.push_back(OidString(git_commit_parent_id(commit.get(), i)));
    }
    if (const git_signature* author = git_commit_author(commit.get())) {
      ref.author = std::string(author->name ? author->name : "") + " <" +
                   (author->email ? author->email : "") + ">";
    }
    git_message_trailer_array trailers{};
    const char* message = git_commit_message(commit.get());
    if (message != nullptr) ref.message = message;
    if (message != nullptr && git_message_trailers(&trailers, message) == 0) {
      for (std::size_t i = 0; i < trailers.count; ++i) {
        ref.trailers.emplace_back(trailers.trailers[i].key, trailers.trailers[i].value);
      }
      git_message_trailer_array_free(&trailers);
    }
    out.push_back(std::move(ref));
  }
  if (rc != GIT_ITEROVER) return fail("cannot walk the range");
  return out;
}

core::Result<std::string> GitRepository::MergeBase(const std::string& a, const std::string& b) {
  if (auto known = merge_bases_.find({a, b}); known != merge_bases_.end()) return known->second;
  git_oid oa, ob, base;
  git_oid_fromstr(&oa, a.c_str());
  git_oid_fromstr(&ob, b.c_str());
  // One end on the other's first-parent chain is their merge base. Not in a shallow clone,
  // where the full walk below is what tells that the history is missing.
  const bool shallow = IsShallow();
  if (!shallow && OnFirstParentChain(repo_, oa, ob))
    return merge_bases_.emplace(std::pair{a, b}, a).first->second;
  if (!shallow && OnFirstParentChain(repo_, ob, oa))
    return merge_bases_.emplace(std::pair{a, b}, b).first->second;
  const int rc = git_merge_base(&base, repo_, &oa, &ob);
  if (rc == GIT_ENOTFOUND && !shallow) {
    return MakeError(ErrorCode::kRevision, "commits " + a.substr(0, 12) + " and " +
                                               b.substr(0, 12) + " have no common ancestor");
  }
  if (rc != 0) {
    if (shallow) {
      return MakeError(ErrorCode::kShallow,
                       "this is a shallow clone, so the history between " + a.substr(0, 12) +
                           " and " + b.substr(0, 12) +
                           " cannot be walked; fetch the full history (actions/checkout "
                           "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`)");
    }
    return MakeError(ErrorCode::kRepository, "cannot find the merge base: " + LastError());
  }
  return merge_bases_.emplace(std::pair{a, b}, OidString(&base)).first->second;
}

core::Result<long long> GitRepository::CommitTimeOf(const std::string& commit) {
  git_oid oid;
  OwnedCommit owned;
  if (git_oid_fromstr(&oid, commit.c_str()) != 0 ||
      git_commit_lookup(owned.out(), repo_, &oid) != 0) {
    return MakeError(ErrorCode::kRepository, "cannot read commit " + commit + ": " + LastError());
  }
  return static_cast<long long>(git_commit_time(owned.get()));
}

core::Result<std::optional<CommitTime>> GitRepository::LastCommitTouching(
    const std::string& head, const std::function<bool(std::string_view path)>& touches,
    int max_commits) {
  auto fail = [&](const std::string& what) -> core::Result<std::optional<CommitTime>> {
    return tl::unexpected(WalkError(IsShallow(), "when a file last changed cannot be told", what));
  };
  OwnedWalk walk;
  if (auto failed = StartWalk(repo_, walk, head, GIT_SORT_TIME)) return fail(*failed);
  git_oid oid;
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_SKIP_BINARY_CHECK;
  int rc = 0;
  for (int seen = 0; seen < max_commits && (rc = git_revwalk_next(&oid, walk.get())) == 0; ++seen) {
    OwnedCommit commit;
    OwnedTree tree;
    OwnedTree parent_tree;
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0 ||
        git_commit_tree(tree.out(), commit.get()) != 0) {
      return fail("cannot read commit " + OidString(&oid));
    }
    if (git_commit_parentcount(commit.get()) > 0) {
      OwnedCommit parent;
      if (git_commit_parent(parent.out(), commit.get(), 0) != 0 ||
          git_commit_tree(parent_tree.out(), parent.get()) != 0) {
        return fail("cannot read the parent of " + OidString(&oid));
      }
    }
    OwnedDiff diff;
    if (git_diff_tree_to_tree(diff.out(), repo_, parent_tree.get(), tree.get(), &opts) != 0) {
      return fail("cannot diff commit " + OidString(&oid));
    }
    for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
      if ((delta->new_file.path != nullptr && touches(delta->new_file.path)) ||
          (delta->old_file.path != nullptr && touches(delta->old_file.path))) {
        return std::optional<CommitTime>(
            CommitTime{OidString(&oid), static_cast<long long>(git_commit_time(commit.get()))});
      }
    }
  }
  if (rc != 0 && rc != GIT_ITEROVER) return fail("cannot walk the history of " + head);
  return std::optional<CommitTime>();
}

core::Result<std::optional<CommitTime>> GitRepository::LastCommitChangingPath(
    const std::string& head, const std::string& path, int max_commits,
    const std::function<bool(const std::string& before, const std::string& after)>& counts) {
  auto fail = [&](const std::string& what) -> core::Result<std::optional<CommitTime>> {
    return tl::unexpected(
        WalkError(IsShallow(), "when " + path + " last changed cannot be told", what));
  };
  // The blob id of `path` in `commit`'s tree, or the zero id when it has none.
  auto entry_of = [&](const git_commit* commit, git_oid* out) -> bool {
    OwnedTree tree;
    if (git_commit_tree(tree.out(), commit) != 0) return false;
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree.get(), path.c_str()) != 0) {
      std::memset(out, 0, sizeof *out);
      return true;
    }
    git_oid_cpy(out, git_tree_entry_id(entry));
    git_tree_entry_free(entry);
    return true;
  };
  // The text of a blob for `counts`: empty for none, a non-blob (a folder) or one too large.
  auto text_of = [&](const git_oid* id) -> std::string {
    git_blob* blob = nullptr;
    if (git_oid_is_zero(id) || git_blob_lookup(&blob, repo_, id) != 0) return "";
    const auto size = git_blob_rawsize(blob);
    std::string text;
    if (size <= static_cast<git_object_size_t>(kMaxPolicyFileBytes)) {
      text.assign(static_cast<const char*>(git_blob_rawcontent(blob)),
                  static_cast<std::size_t>(size));
    }
    git_blob_free(blob);
    return text;
  };
  OwnedWalk walk;
  if (auto failed = StartWalk(repo_, walk, head, GIT_SORT_TOPOLOGICAL)) return fail(*failed);
  git_revwalk_simplify_first_parent(walk.get());
  git_oid oid;
  int rc = 0;
  for (int seen = 0; seen < max_commits && (rc = git_revwalk_next(&oid, walk.get())) == 0; ++seen) {
    OwnedCommit commit;
    git_oid mine;
    git_oid theirs;
    std::memset(&theirs, 0, sizeof theirs);
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0 || !entry_of(commit.get(), &mine)) {
      return fail("cannot read commit " + OidString(&oid));
    }
    if (git_commit_parentcount(commit.get()) > 0) {
      OwnedCommit parent;
      if (git_commit_parent(parent.out(), commit.get(), 0) != 0 ||
          !entry_of(parent.get(), &theirs)) {
        return fail("cannot read the parent of " + OidString(&oid));
      }
    }
    if (git_oid_cmp(&mine, &theirs) != 0 && counts(text_of(&theirs), text_of(&mine))) {
      return std::optional<CommitTime>(
          CommitTime{OidString(&oid), static_cast<long long>(git_commit_time(commit.get()))});
    }
  }
  if (rc != 0 && rc != GIT_ITEROVER) return fail("cannot walk the history of " + head);
  return std::optional<CommitTime>();
}

}  // namespace riskgate::collect
