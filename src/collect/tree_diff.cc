#include "collect/tree_diff.h"

#include "core/text.h"

namespace riskgate::collect {
namespace {

using pack::EntryMode;
using pack::IsRegular;
using pack::ParsedTree;
using pack::TreeEntry;

core::Result<void> TooDeep(const std::string& prefix) {
  return core::MakeError(core::ErrorCode::kRepository,
                         "trees nested deeper than " + std::to_string(kMaxTreeDepth) +
                             " levels, or a path longer than " + std::to_string(kMaxPathBytes) +
                             " bytes, at '" + prefix.substr(0, 200) + "…'");
}

}  // namespace

core::Result<void> TreeDiff::Listed(const std::string& path) {
  listed_ += path.size() + 64;  // and the ids and bookkeeping beside it
  if (path.size() > kMaxPathBytes) return TooDeep(path);
  if (listed_ > kMaxListedBytes) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "one commit lists more than " + std::to_string(kMaxListedBytes >> 20) +
                               " MiB of paths (at '" + path.substr(0, 200) + "')");
  }
  return {};
}

core::Result<void> TreeDiff::Compare(std::string_view old_root, std::string_view new_root,
                                     CommitChanges& out) {
  listed_ = 0;
  std::shared_ptr<const ParsedTree> old_tree;
  std::shared_ptr<const ParsedTree> new_tree;
  if (!old_root.empty()) {
    auto loaded = load_(old_root);
    if (!loaded) return tl::unexpected(loaded.error());
    old_tree = std::move(*loaded);
  }
  if (!new_root.empty()) {
    auto loaded = load_(new_root);
    if (!loaded) return tl::unexpected(loaded.error());
    new_tree = std::move(*loaded);
  }
  return Diff(old_tree.get(), new_tree.get(), "", 0, out);
}

core::Result<void> TreeDiff::Diff(const ParsedTree* old_tree, const ParsedTree* new_tree,
                                  const std::string& prefix, int depth, CommitChanges& out) {
  if (depth > kMaxTreeDepth || prefix.size() > kMaxPathBytes) return TooDeep(prefix);
  const std::size_t new_count = new_tree != nullptr ? new_tree->size() : 0;
  const std::size_t old_count = old_tree != nullptr ? old_tree->size() : 0;
  std::size_t i = 0;  // in new_tree
  std::size_t j = 0;  // in old_tree
  while (true) {
    if (new_tree != nullptr && old_tree != nullptr) {
      std::tie(i, j) = new_tree->FirstDifference(i, *old_tree, j);
    }
    if (i >= new_count && j >= old_count) break;
    // Merged in tree order; an entry of one tree alone is added or removed. Hostile trees out
    // of order only make entries look added (scanned), never unchanged.
    const int order = i >= new_count   ? 1
                      : j >= old_count ? -1
                                       : pack::CompareInTreeOrder((*new_tree)[i], (*old_tree)[j]);
    if (order < 0) {
      if (auto added = Added((*new_tree)[i], nullptr, prefix, depth, out); !added) return added;
      ++i;
      continue;
    }
    if (order > 0) {
      const TreeEntry old = (*old_tree)[j];
      const std::string path = prefix + std::string(old.name);
      if (auto listed = Listed(path); !listed) return listed;
      if (IsRegular(old.mode)) out.replaced.emplace_back(path, core::HexBytes(old.id));
      if (old.mode == EntryMode::kTree) {
        if (auto gone = Descend(&old, nullptr, path + "/", depth, out); !gone) return gone;
      }
      ++j;
      continue;
    }
    const TreeEntry entry = (*new_tree)[i];
    const TreeEntry old = (*old_tree)[j];
    ++i;
    ++j;
    // The same content: unchanged, also where only the executable bit changed.
    if (entry.id == old.id &&
        (entry.mode == old.mode || (IsRegular(entry.mode) && IsRegular(old.mode)))) {
      continue;
    }
    if (auto changed = Added(entry, &old, prefix, depth, out); !changed) return changed;
  }
  return {};
}

// `entry` of the new tree, where the old tree had `old` (null: nothing) under the same name.
core::Result<void> TreeDiff::Added(const TreeEntry& entry, const TreeEntry* old,
                                   const std::string& prefix, int depth, CommitChanges& out) {
  const std::string path = prefix + std::string(entry.name);
  if (auto listed = Listed(path); !listed) return listed;
  const bool old_is_tree = old != nullptr && old->mode == EntryMode::kTree;
  const bool old_regular = old != nullptr && IsRegular(old->mode);
  if (old_regular) out.replaced.emplace_back(path, core::HexBytes(old->id));
  if (entry.mode == EntryMode::kTree) {
    return Descend(old_is_tree ? old : nullptr, &entry, path + "/", depth, out);
  }
  if (old_is_tree) {
    if (auto gone = Descend(old, nullptr, path + "/", depth, out); !gone) return gone;
  }
  const bool link = entry.mode == EntryMode::kLink;
  if (old == nullptr || old_is_tree || link) {
    out.entries.push_back(PathEntry{path, link ? core::HexBytes(entry.id) : std::string(),
                                    old == nullptr || old_is_tree});
  }
  if (!IsRegular(entry.mode)) return {};
  out.changed.push_back(PathChange{
      path, core::HexBytes(entry.id), {old_regular ? core::HexBytes(old->id) : std::string()}});
  return {};
}

core::Result<void> TreeDiff::Descend(const TreeEntry* old_entry, const TreeEntry* new_entry,
                                     const std::string& prefix, int depth, CommitChanges& out) {
  std::shared_ptr<const ParsedTree> old_tree;
  std::shared_ptr<const ParsedTree> new_tree;
  if (old_entry != nullptr) {
    auto loaded = load_(old_entry->id);
    if (!loaded) return tl::unexpected(loaded.error());
    old_tree = std::move(*loaded);
  }
  if (new_entry != nullptr) {
    auto loaded = load_(new_entry->id);
    if (!loaded) return tl::unexpected(loaded.error());
    new_tree = std::move(*loaded);
  }
  return Diff(old_tree.get(), new_tree.get(), prefix, depth + 1, out);
}

core::Result<std::string> TreeDiff::BlobAt(std::string_view root, std::string_view path) {
  auto tree = load_(root);
  if (!tree) return tl::unexpected(tree.error());
  std::shared_ptr<const ParsedTree> at = std::move(*tree);
  while (true) {
    const std::size_t slash = path.find('/');
    const std::string_view name = path.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    const ParsedTree& here = *at;
    TreeEntry found;
    for (std::size_t i = 0; i < here.size() && found.id.empty(); ++i) {
      const TreeEntry entry = here[i];
      if (entry.name == name && (last ? IsRegular(entry.mode) : entry.mode == EntryMode::kTree)) {
        found = entry;
      }
    }
    if (found.id.empty()) return std::string();
    if (last) return core::HexBytes(found.id);
    auto next = load_(found.id);
    if (!next) return tl::unexpected(next.error());
    at = std::move(*next);
    path.remove_prefix(slash + 1);
  }
}

}  // namespace riskgate::collect
