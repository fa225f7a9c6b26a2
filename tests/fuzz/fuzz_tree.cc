// Fuzz target: git tree objects (collect/pack/tree_object.h) and the tree comparisons of history
// audits (collect/tree_diff.h) and range checks (collect/tree_deltas.h). The input splits at the
// first "\n--\n" into two trees, old and new; every subtree id but the old tree's own names the new
// tree again (a tree that holds itself, as a forged index could make it). Oracles: parsed entries
// have 20-byte ids and non-empty names without NUL; a tree compared with itself lists nothing; any
// comparison ends (listed or refused) without a crash, and every regular file it lists is an entry
// of one of the two trees (a subtree may name either); the same holds for every file the range's
// deltas add or modify, which list nothing between two ids of the same tree.
#include <map>
#include <set>
#include <string>

#include "collect/pack/tree_object.h"
#include "collect/tree_deltas.h"
#include "collect/tree_diff.h"
#include "core/text.h"
#include "fuzz_input.h"

namespace {

using riskgate::collect::pack::ParsedTree;

std::shared_ptr<const ParsedTree> Parse(std::string_view bytes) {
  auto parsed = ParsedTree::Parse(std::make_shared<const std::string>(bytes));
  if (!parsed) return nullptr;
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    const auto entry = (*parsed)[i];
    if (entry.id.size() != 20 || entry.name.empty() ||
        entry.name.find('\0') != std::string_view::npos) {
      __builtin_trap();
    }
  }
  return std::make_shared<const ParsedTree>(std::move(*parsed));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::collect;
  const std::string_view input = riskgate::fuzz::AsText(data, size);
  const auto split = input.find("\n--\n");
  const std::string_view old_bytes = split == std::string_view::npos ? "" : input.substr(0, split);
  const std::string_view new_bytes =
      split == std::string_view::npos ? input : input.substr(split + 4);
  const auto new_tree = Parse(new_bytes);
  const auto old_tree = Parse(old_bytes);
  if (new_tree == nullptr || old_tree == nullptr) return 0;
  const std::string old_id(20, 'o');
  const std::string new_id(20, 'n');
  TreeDiff diff(
      [&](std::string_view id) -> riskgate::core::Result<std::shared_ptr<const ParsedTree>> {
        return id == old_id ? old_tree : new_tree;
      });
  CommitChanges same;
  if (diff.Compare(new_id, new_id, same) && (!same.changed.empty() || !same.entries.empty())) {
    __builtin_trap();
  }
  // The loader serves only these two trees: a listed file is an entry of one of them.
  std::set<std::string> ids;
  for (const auto* tree : {new_tree.get(), old_tree.get()}) {
    for (std::size_t i = 0; i < tree->size(); ++i) {
      ids.insert(riskgate::core::HexBytes((*tree)[i].id));
    }
  }
  CommitChanges changes;
  if (diff.Compare(old_id, new_id, changes)) {
    for (const auto& change : changes.changed) {
      if (!ids.contains(change.blob)) __builtin_trap();
    }
  }
  (void)diff.BlobAt(new_id, "a/b/c");
  // The range's deltas, over the same two trees (`same_id` names the new tree too).
  const std::string same_id(20, 's');
  const TreeLoader load =
      [&](std::string_view id) -> riskgate::core::Result<std::shared_ptr<const ParsedTree>> {
    return id == old_id ? old_tree : new_tree;
  };
  if (auto none = DiffTrees(load, same_id, new_id); none && !none->empty()) __builtin_trap();
  if (auto deltas = DiffTrees(load, old_id, new_id)) {
    for (const TreeDelta& delta : *deltas) {
      if (delta.status != DeltaStatus::kDeleted &&
          !ids.contains(riskgate::core::HexBytes(delta.new_side.id))) {
        __builtin_trap();
      }
    }
  }
  const std::vector<std::string> only{"a", "a/b/", "config"};
  (void)DiffTrees(load, old_id, new_id, &only);
  return 0;
}
