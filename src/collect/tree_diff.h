// Stage 1 (collect): what a commit changed, from its tree and its parents' trees, compared entry
// by entry in git's tree order (no line diffs, no rename detection), descending only into
// subtrees whose ids differ. Runs of equal entries are skipped by comparing the trees' bytes,
// so a commit that touches two files of a 1,000-entry folder costs two entries, not 1,000.
// Trees come from a loader (riskgate's own object reader, or libgit2's) and may be hostile: a
// malformed or missing tree is an error, nesting is bounded.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "collect/history_source.h"
#include "collect/pack/tree_object.h"
#include "core/error.h"

namespace riskgate::collect {

// Trees deeper than this, and paths longer, are refused (git has no limits; real repositories
// are far below them, and a hostile one would otherwise cost quadratic time and memory).
inline constexpr int kMaxTreeDepth = 4096;
inline constexpr std::size_t kMaxPathBytes = 4096;  // PATH_MAX: no checkout holds a longer one
// The paths one comparison lists, in bytes: bounds the memory a commit of millions of entries
// could take.
inline constexpr std::size_t kMaxListedBytes = std::size_t{256} << 20;

// The error for trees nested deeper than kMaxTreeDepth, or a path longer than kMaxPathBytes,
// at `prefix`.
core::Error TreesTooDeep(const std::string& prefix);

// Visits the entries of two trees merged in git's tree order (a null tree has none), skipping
// runs whose stored bytes are equal: `visit(old, now)` gets an entry of both trees under one
// name, or of one alone (the other null). Hostile trees out of order only make entries look
// added or removed, never unchanged. The first error `visit` returns ends the walk.
core::Result<void> VisitEntries(
    const pack::ParsedTree* old_tree, const pack::ParsedTree* new_tree,
    const std::function<core::Result<void>(const pack::TreeEntry* old, const pack::TreeEntry* now)>&
        visit);

// The parsed tree a raw id names.
using TreeLoader =
    std::function<core::Result<std::shared_ptr<const pack::ParsedTree>>(std::string_view raw_id)>;

// The trees `old_id` and `new_id` name, each null for "" (nothing there).
using TreePair =
    std::pair<std::shared_ptr<const pack::ParsedTree>, std::shared_ptr<const pack::ParsedTree>>;
core::Result<TreePair> LoadTrees(const TreeLoader& load, std::string_view old_id,
                                 std::string_view new_id);

class TreeDiff {
 public:
  explicit TreeDiff(TreeLoader load) : load_(std::move(load)) {}

  // Appends to `out` the regular files `new_root` gives new content, the paths it adds, its
  // symlinks' new targets, and the files of `old_root` it deletes or rewrites ("" for either
  // root: nothing there). Raw ids in, hex ids out.
  core::Result<void> Compare(std::string_view old_root, std::string_view new_root,
                             CommitChanges& out);
  // The hex id of the regular file at `path` under `root` (raw), or "" when there is none: in
  // each folder, the first entry of that name and kind.
  core::Result<std::string> BlobAt(std::string_view root, std::string_view path);
  // BlobAt for each of `paths`, each folder on the way read and indexed once (a merge asks
  // this of its other parents for every path it changed: thousands, in a 500-entry root).
  core::Result<std::vector<std::string>> BlobsAt(std::string_view root,
                                                 const std::vector<std::string_view>& paths);

 private:
  core::Result<void> Diff(const pack::ParsedTree* old_tree, const pack::ParsedTree* new_tree,
                          const std::string& prefix, int depth, CommitChanges& out);
  core::Result<void> Added(const pack::TreeEntry& entry, const pack::TreeEntry* old,
                           const std::string& prefix, int depth, CommitChanges& out);
  core::Result<void> Descend(const pack::TreeEntry* old_entry, const pack::TreeEntry* new_entry,
                             const std::string& prefix, int depth, CommitChanges& out);

  // Counts a listed path against kMaxListedBytes.
  core::Result<void> Listed(const std::string& path);

  TreeLoader load_;
  std::size_t listed_ = 0;  // path bytes listed by the current comparison
};

}  // namespace riskgate::collect
