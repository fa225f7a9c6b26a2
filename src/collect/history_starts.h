// Stage 1 (collect): where a history walk starts (git_history_walk.cc): every ref that leads to
// a commit and a detached HEAD, or the revisions the user named. Tags are followed by reading
// the tag objects themselves (hashed against their ids where riskgate's reader holds them),
// never the peeled ids `packed-refs` caches, which a repository may write to name any commit.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "collect/git_internal.h"
#include "collect/pack/object_store.h"
#include "core/error.h"

namespace riskgate::collect::history_internal {

// (name, commit) for each start; `store` (may be null) reads the objects refs and tags name.
// A ref whose object is missing, corrupt or not what its id names, a malformed tag or a chain
// of more than 64 tags is an error: a ref the walk cannot follow would hide all it reaches. A
// ref that ends at a tree or blob has no history to walk: it goes to `targets` (when given).
// With `ref_texts`, what each ref pushes besides its commits goes there with the commit (or the
// tree or blob) it leads to: its name (for refs/...) and, once per tag object met on the way,
// the tag's own name and its message. With `first_only`, only the first start is found (the
// tip).
struct RefText {
  git_oid commit;    // or the tree or blob of a RefTarget
  const char* path;  // collect/facts.h: kRefNamePath or kTagMessagePath
  std::string text;
};
// A ref that ends at a tree or a blob, straight or through tags: git pushes and clones it, and
// all the tree holds, though no commit reaches it.
struct RefTarget {
  std::string ref;
  git_oid object;
  bool tree = false;  // else a blob
};
core::Result<std::vector<std::pair<std::string, git_oid>>> Starts(
    git_repository* repo, const std::vector<std::string>& revs, const pack::ObjectStore* store,
    std::vector<RefText>* ref_texts = nullptr, bool first_only = false,
    std::vector<RefTarget>* targets = nullptr);

}  // namespace riskgate::collect::history_internal
