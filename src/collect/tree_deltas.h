// Stage 1 (collect): the deltas between two trees as a range check lists them — what libgit2's
// tree-to-tree diff gives with riskgate's options (no rename detection; a path whose kind
// changes is a deletion and an addition; a submodule pointed elsewhere is modified; a mode
// change is a modification), in tree order — without libgit2: its diff iterated and parsed
// every entry of both trees for every commit, a quarter of a range check's CPU on git/git.
// Subtrees whose ids are equal are not read, and runs of equal entries are skipped by their
// bytes. Trees are hostile: one out of order or naming an entry twice only makes entries look
// added or deleted (read and judged), never unchanged; nesting and listed paths are bounded as
// in tree_diff.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "collect/tree_diff.h"
#include "core/error.h"

namespace riskgate::collect {

enum class DeltaStatus { kAdded, kDeleted, kModified };

struct TreeSide {
  std::string id;          // raw; empty when the side has no entry
  std::uint32_t mode = 0;  // as libgit2 reads it (pack::NormalizeMode); 0: no entry
};

struct TreeDelta {
  DeltaStatus status = DeltaStatus::kModified;
  std::string path;
  TreeSide old_side;
  TreeSide new_side;
};

// The deltas from `old_root` to `new_root` (raw tree ids; "" for the empty tree). With `only`,
// just the paths it names and those under a folder it names (git's literal pathspec; libgit2's
// GIT_DIFF_DISABLE_PATHSPEC_MATCH means the same, though its walk of the list can miss a
// folder's files); only the folders on their way are read.
core::Result<std::vector<TreeDelta>> DiffTrees(const TreeLoader& load, std::string_view old_root,
                                               std::string_view new_root,
                                               const std::vector<std::string>* only = nullptr);

}  // namespace riskgate::collect
