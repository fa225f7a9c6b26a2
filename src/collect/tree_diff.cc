#include "collect/tree_diff.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_map>

#include "core/text.h"

namespace riskgate::collect {
namespace {

using pack::EntryMode;
using pack::IsRegular;
using pack::ParsedTree;
using pack::TreeEntry;

core::Result<void> TooDeep(const std::string& prefix) {
  return tl::unexpected(TreesTooDeep(prefix));
}

}  // namespace

core::Error TreesTooDeep(const std::string& prefix) {
  return core::Error{core::ErrorCode::kRepository,
                     "trees nested deeper than " + std::to_string(kMaxTreeDepth) +
                         " levels, or a path longer than " + std::to_string(kMaxPathBytes) +
                         " bytes, at '" + prefix.substr(0, 200) + "…'",
                     ""};
}

core::Result<void> VisitEntries(
    const ParsedTree* old_tree, const ParsedTree* new_tree,
    const std::function<core::Result<void>(const TreeEntry* old, const TreeEntry* now)>& visit) {
  const std::size_t new_count = new_tree != nullptr ? new_tree->size() : 0;
  const std::size_t old_count = old_tree != nullptr ? old_tree->size() : 0;
  std::size_t i = 0;  // in new_tree
  std::size_t j = 0;  // in old_tree
  while (true) {
    if (new_tree != nullptr && old_tree != nullptr) {
      std::tie(i, j) = new_tree->FirstDifference(i, *old_tree, j);
    }
    if (i >= new_count && j >= old_count) return {};
    const int order = i >= new_count   ? 1
                      : j >= old_count ? -1
                                       : pack::CompareInTreeOrder((*new_tree)[i], (*old_tree)[j]);
    if (order < 0) {
      const TreeEntry now = (*new_tree)[i++];
      if (auto visited = visit(nullptr, &now); !visited) return visited;
    } else if (order > 0) {
      const TreeEntry old = (*old_tree)[j++];
      if (auto visited = visit(&old, nullptr); !visited) return visited;
    } else {
      const TreeEntry now = (*new_tree)[i++];
      const TreeEntry old = (*old_tree)[j++];
      if (auto visited = visit(&old, &now); !visited) return visited;
    }
  }
}

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

core::Result<TreePair> LoadTrees(const TreeLoader& load, std::string_view old_id,
                                 std::string_view new_id) {
  TreePair trees;
  if (!old_id.empty()) {
    auto loaded = load(old_id);
    if (!loaded) return tl::unexpected(loaded.error());
    trees.first = std::move(*loaded);
  }
  if (!new_id.empty()) {
    auto loaded = load(new_id);
    if (!loaded) return tl::unexpected(loaded.error());
    trees.second = std::move(*loaded);
  }
  return trees;
}

core::Result<void> TreeDiff::Compare(std::string_view old_root, std::string_view new_root,
                                     CommitChanges& out) {
  listed_ = 0;
  auto trees = LoadTrees(load_, old_root, new_root);
  if (!trees) return tl::unexpected(trees.error());
  return Diff(trees->first.get(), trees->second.get(), "", 0, out);
}

core::Result<void> TreeDiff::Diff(const ParsedTree* old_tree, const ParsedTree* new_tree,
                                  const std::string& prefix, int depth, CommitChanges& out) {
  if (depth > kMaxTreeDepth || prefix.size() > kMaxPathBytes) return TooDeep(prefix);
  return VisitEntries(
      old_tree, new_tree, [&](const TreeEntry* old, const TreeEntry* entry) -> core::Result<void> {
        if (old == nullptr) return Added(*entry, nullptr, prefix, depth, out);
        if (entry == nullptr) {
          const std::string path = prefix + std::string(old->name);
          if (auto listed = Listed(path); !listed) return listed;
          if (IsRegular(old->mode)) out.replaced.emplace_back(path, core::HexBytes(old->id));
          if (old->mode == EntryMode::kTree) return Descend(old, nullptr, path + "/", depth, out);
          return {};
        }
        // The same content: unchanged, also where only the executable bit changed.
        if (entry->id == old->id &&
            (entry->mode == old->mode || (IsRegular(entry->mode) && IsRegular(old->mode)))) {
          return {};
        }
        return Added(*entry, old, prefix, depth, out);
      });
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
  auto trees = LoadTrees(load_, old_entry != nullptr ? old_entry->id : std::string_view(),
                         new_entry != nullptr ? new_entry->id : std::string_view());
  if (!trees) return tl::unexpected(trees.error());
  return Diff(trees->first.get(), trees->second.get(), prefix, depth + 1, out);
}

core::Result<std::string> TreeDiff::BlobAt(std::string_view root, std::string_view path) {
  auto blobs = BlobsAt(root, {path});
  if (!blobs) return tl::unexpected(blobs.error());
  return std::move(blobs->front());
}

namespace {

// One folder of a lookup: its first entry of a name and kind (a regular file or a tree) is found
// by reading the entries in order, until so many lookups were made that indexing them pays.
class Folder {
 public:
  explicit Folder(std::shared_ptr<const ParsedTree> tree) : tree_(std::move(tree)) {}

  std::optional<TreeEntry> Find(std::string_view name, bool folder) {
    if (++lookups_ == kIndexAfter) Index();
    if (lookups_ >= kIndexAfter) {
      const TreeEntry probe{name, {}, folder ? EntryMode::kTree : EntryMode::kBlob};
      const auto it = std::lower_bound(index_.begin(), index_.end(), probe, Before);
      if (it == index_.end() || it->name != name || !Wanted(*it, folder)) return std::nullopt;
      return *it;
    }
    for (std::size_t i = 0; i < tree_->size(); ++i) {
      const TreeEntry entry = (*tree_)[i];
      if (entry.name == name && Wanted(entry, folder)) return entry;
    }
    return std::nullopt;
  }

 private:
  static constexpr int kIndexAfter = 8;

  static bool Wanted(const TreeEntry& entry, bool folder) {
    return folder ? entry.mode == EntryMode::kTree : IsRegular(entry.mode);
  }
  // Regular files before trees, each by name.
  static bool Before(const TreeEntry& a, const TreeEntry& b) {
    const bool a_tree = a.mode == EntryMode::kTree;
    const bool b_tree = b.mode == EntryMode::kTree;
    return a_tree != b_tree ? b_tree : a.name < b.name;
  }

  // One sorted vector, not a hash map's node per entry (a merge indexes the folders of every
  // path it changed, thousands of entries). A sort that keeps the order of equals finds the
  // first entry of a name and kind first, even in a hostile tree that names one twice.
  void Index() {
    for (std::size_t i = 0; i < tree_->size(); ++i) {
      const TreeEntry entry = (*tree_)[i];
      if (Wanted(entry, false) || Wanted(entry, true)) index_.push_back(entry);
    }
    std::stable_sort(index_.begin(), index_.end(), Before);
  }

  std::shared_ptr<const ParsedTree> tree_;
  int lookups_ = 0;
  std::vector<TreeEntry> index_;  // regular files and trees, by Before
};

}  // namespace

core::Result<std::vector<std::string>> TreeDiff::BlobsAt(
    std::string_view root, const std::vector<std::string_view>& paths) {
  // Folders by their path under `root` ("" for the root itself); null where there is none.
  std::unordered_map<std::string_view, std::unique_ptr<Folder>> folders;
  auto loaded = load_(root);
  if (!loaded) return tl::unexpected(loaded.error());
  folders.emplace("", std::make_unique<Folder>(std::move(*loaded)));
  // The folder at `dir` (a prefix of one of `paths`, which outlive the map), read on first use.
  std::function<core::Result<Folder*>(std::string_view)> folder_at =
      [&](std::string_view dir) -> core::Result<Folder*> {
    if (auto it = folders.find(dir); it != folders.end()) return it->second.get();
    const std::size_t slash = dir.rfind('/');
    const std::string_view parent_dir = slash == std::string_view::npos ? "" : dir.substr(0, slash);
    const std::string_view name = slash == std::string_view::npos ? dir : dir.substr(slash + 1);
    auto parent = folder_at(parent_dir);
    if (!parent) return tl::unexpected(parent.error());
    std::unique_ptr<Folder> folder;
    if (*parent != nullptr) {
      if (auto entry = (*parent)->Find(name, true)) {
        auto tree = load_(entry->id);
        if (!tree) return tl::unexpected(tree.error());
        folder = std::make_unique<Folder>(std::move(*tree));
      }
    }
    return folders.emplace(dir, std::move(folder)).first->second.get();
  };
  std::vector<std::string> out;
  out.reserve(paths.size());
  for (const std::string_view path : paths) {
    if (path.size() > kMaxPathBytes) return tl::unexpected(TooDeep(std::string(path)).error());
    const std::size_t slash = path.rfind('/');
    auto folder = folder_at(slash == std::string_view::npos ? "" : path.substr(0, slash));
    if (!folder) return tl::unexpected(folder.error());
    std::string blob;
    if (*folder != nullptr) {
      const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
      if (auto entry = (*folder)->Find(name, false)) blob = core::HexBytes(entry->id);
    }
    out.push_back(std::move(blob));
  }
  return out;
}

}  // namespace riskgate::collect
