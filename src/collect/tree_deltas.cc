#include "collect/tree_deltas.h"

#include <algorithm>
#include <memory>

namespace riskgate::collect {
namespace {

using pack::EntryMode;
using pack::TreeEntry;

// libgit2's GIT_MODE_TYPE: regular and executable files are one kind.
std::uint32_t KindOf(EntryMode mode) { return static_cast<std::uint32_t>(mode) & ~0777u; }

class Lister {
 public:
  Lister(const TreeLoader& load, const std::vector<std::string>* only) : load_(load) {
    if (only != nullptr) {
      only_ = *only;
      std::sort(only_.begin(), only_.end());
      filtered_ = true;
    }
  }

  core::Result<void> Diff(std::string_view old_id, std::string_view new_id,
                          const std::string& prefix, int depth) {
    if (depth > kMaxTreeDepth || prefix.size() > kMaxPathBytes) return TooDeep(prefix);
    auto trees = LoadTrees(load_, old_id, new_id);
    if (!trees) return tl::unexpected(trees.error());
    return VisitEntries(trees->first.get(), trees->second.get(),
                        [&](const TreeEntry* before, const TreeEntry* now) -> core::Result<void> {
                          if (before == nullptr || now == nullptr) {
                            return One(before, now, prefix, depth);
                          }
                          return Both(*before, *now, prefix, depth);
                        });
  }

  std::vector<TreeDelta> deltas;

 private:
  static core::Result<void> TooDeep(const std::string& prefix) {
    return tl::unexpected(TreesTooDeep(prefix));
  }

  // Whether `path` is listed: `only` names it or a folder above it (with or without a trailing
  // '/': git's literal pathspec).
  bool Wanted(std::string_view path) const {
    if (!filtered_) return true;
    for (std::size_t slash = path.find('/');; slash = path.find('/', slash + 1)) {
      const std::string_view head = path.substr(0, slash);
      if (Listed(head)) return true;
      if (slash == std::string_view::npos) return false;
      if (Listed(path.substr(0, slash + 1))) return true;
    }
  }

  bool Listed(std::string_view name) const {
    return std::binary_search(only_.begin(), only_.end(), name, std::less<>());
  }

  // Whether anything under the folder `folder` ("dir/") may be listed.
  bool MayHold(const std::string& folder) const {
    if (!filtered_) return true;
    const auto at = std::lower_bound(only_.begin(), only_.end(), folder);
    if (at != only_.end() && at->starts_with(folder)) return true;
    return Wanted(std::string_view(folder).substr(0, folder.size() - 1));
  }

  core::Result<void> Emit(DeltaStatus status, std::string path, const TreeEntry* before,
                          const TreeEntry* now) {
    listed_ += path.size() + 64;
    if (path.size() > kMaxPathBytes) return TooDeep(path);
    if (listed_ > kMaxListedBytes) {
      return core::MakeError(core::ErrorCode::kRepository,
                             "one diff lists more than " + std::to_string(kMaxListedBytes >> 20) +
                                 " MiB of paths (at '" + path.substr(0, 200) + "')");
    }
    if (!Wanted(path)) return {};
    TreeDelta delta;
    delta.status = status;
    delta.path = std::move(path);
    if (before != nullptr)
      delta.old_side = {std::string(before->id), static_cast<std::uint32_t>(before->mode)};
    if (now != nullptr)
      delta.new_side = {std::string(now->id), static_cast<std::uint32_t>(now->mode)};
    deltas.push_back(std::move(delta));
    return {};
  }

  // An entry of one side alone (the other is null): a file added or deleted, or every file
  // of a folder.
  core::Result<void> One(const TreeEntry* before, const TreeEntry* now, const std::string& prefix,
                         int depth) {
    const TreeEntry& entry = before != nullptr ? *before : *now;
    std::string path = prefix + std::string(entry.name);
    if (entry.mode == EntryMode::kTree) {
      path += '/';
      if (!MayHold(path)) return {};
      return before != nullptr ? Diff(entry.id, "", path, depth + 1)
                               : Diff("", entry.id, path, depth + 1);
    }
    return Emit(before != nullptr ? DeltaStatus::kDeleted : DeltaStatus::kAdded, std::move(path),
                before, now);
  }

  // The same name on both sides, both folders or neither.
  core::Result<void> Both(const TreeEntry& before, const TreeEntry& now, const std::string& prefix,
                          int depth) {
    if (now.mode == EntryMode::kTree) {
      if (now.id == before.id) return {};
      std::string path = prefix + std::string(now.name) + "/";
      if (!MayHold(path)) return {};
      return Diff(before.id, now.id, path, depth + 1);
    }
    if (KindOf(before.mode) != KindOf(now.mode)) {  // a deletion and an addition
      if (auto gone = One(&before, nullptr, prefix, depth); !gone) return gone;
      return One(nullptr, &now, prefix, depth);
    }
    // A submodule that points at another commit is a change too: nothing to scan, but its
    // path is the change's (CODEOWNERS and reviews, components, policy files).
    if (now.id == before.id && now.mode == before.mode) return {};
    return Emit(DeltaStatus::kModified, prefix + std::string(now.name), &before, &now);
  }

  const TreeLoader& load_;
  std::vector<std::string> only_;
  bool filtered_ = false;
  std::size_t listed_ = 0;
};

}  // namespace

core::Result<std::vector<TreeDelta>> DiffTrees(const TreeLoader& load, std::string_view old_root,
                                               std::string_view new_root,
                                               const std::vector<std::string>* only) {
  Lister lister(load, only);
  if (old_root == new_root) return std::vector<TreeDelta>{};
  if (auto listed = lister.Diff(old_root, new_root, "", 0); !listed) {
    return tl::unexpected(listed.error());
  }
  return std::move(lister.deltas);
}

}  // namespace riskgate::collect
