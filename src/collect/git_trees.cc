// GitRepository's reads of commits' trees (git_repository.h): the paths and entries that changed
// between two commits, the entries at given paths, one path's content, every file of a commit.
#include <algorithm>
#include <map>
#include <memory>

#include "collect/git_internal.h"
#include "collect/git_objects.h"
#include "collect/git_repository.h"
#include "collect/safe_read.h"
#include "collect/tree_reads.h"
#include "core/text.h"

namespace riskgate::collect {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

core::Result<std::vector<std::string>> GitRepository::ChangedPaths(const std::string& from,
                                                                   const std::string& to) {
  auto entries = ChangedEntries(from, to);
  if (!entries) return tl::unexpected(entries.error());
  std::vector<std::string> paths;
  paths.reserve(entries->size());
  for (auto& entry : *entries) paths.push_back(std::move(entry.first));
  return paths;
}

core::Result<std::vector<std::pair<std::string, TreeEntryState>>> GitRepository::ChangedEntries(
    const std::string& from, const std::string& to) {
  auto deltas = trees_->Deltas(from, to, nullptr);
  if (!deltas) {
    return MakeError(ErrorCode::kRepository,
                     "cannot diff " + from + ".." + to + ": " + deltas.error().message);
  }
  std::vector<std::pair<std::string, TreeEntryState>> entries;
  entries.reserve(deltas->size());
  for (TreeDelta& delta : *deltas) {
    if (delta.status == DeltaStatus::kDeleted) {
      entries.emplace_back(std::move(delta.path), TreeEntryState{});
    } else {
      entries.emplace_back(std::move(delta.path),
                           TreeEntryState{delta.new_side.mode, core::HexBytes(delta.new_side.id)});
    }
  }
  return entries;
}

core::Result<std::vector<TreeEntryState>> GitRepository::EntriesAt(
    const std::string& commit, const std::vector<std::string>& paths) {
  std::vector<TreeEntryState> out(paths.size());
  if (commit.empty()) return out;  // the empty tree
  auto root = TreeOf(repo_, commit);
  if (!root) return tl::unexpected(root.error());
  // A folder's entries sorted by name, read once (one block, not a node per entry: merges
  // index thousands of folders); a name given twice is ambiguous (null).
  struct Folder {
    OwnedTree tree;
    std::vector<std::pair<std::string_view, const git_tree_entry*>> by_name;
    const std::pair<std::string_view, const git_tree_entry*>* Find(std::string_view name) const {
      auto it =
          std::lower_bound(by_name.begin(), by_name.end(), name,
                           [](const auto& entry, std::string_view n) { return entry.first < n; });
      return it != by_name.end() && it->first == name ? &*it : nullptr;
    }
  };
  std::map<std::string, std::unique_ptr<Folder>, std::less<>> folders;
  auto index = [](git_tree* tree) {
    auto folder = std::make_unique<Folder>();
    folder->tree.ptr = tree;
    const std::size_t count = git_tree_entrycount(tree);
    folder->by_name.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      folder->by_name.emplace_back(git_tree_entry_name(entry), entry);
    }
    auto& entries = folder->by_name;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (kept > 0 && entries[kept - 1].first == entries[i].first) {
        entries[kept - 1].second = nullptr;  // named twice
      } else {
        entries[kept++] = entries[i];
      }
    }
    entries.resize(kept);
    return folder;
  };
  folders.emplace("", index(*root));
  for (std::size_t p = 0; p < paths.size(); ++p) {
    std::string_view rest = paths[p];
    Folder* folder = folders.find(std::string_view())->second.get();
    std::size_t dir_end = 0;
    while (folder != nullptr) {
      const std::size_t slash = rest.find('/');
      const std::string_view name = rest.substr(0, slash);
      const auto* it = folder->Find(name);
      if (it == nullptr) break;  // no entry
      if (it->second == nullptr) {
        out[p].ambiguous = true;
        break;
      }
      const git_tree_entry* entry = it->second;
      if (slash == std::string_view::npos) {
        out[p] = TreeEntryState{static_cast<std::uint32_t>(git_tree_entry_filemode_raw(entry)),
                                OidString(git_tree_entry_id(entry))};
        break;
      }
      if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) break;  // a file where a folder was
      dir_end += name.size() + 1;
      rest.remove_prefix(slash + 1);
      const std::string_view dir = std::string_view(paths[p]).substr(0, dir_end);
      auto found = folders.find(dir);
      if (found == folders.end()) {
        git_tree* tree = nullptr;
        if (git_tree_lookup(&tree, repo_, git_tree_entry_id(entry)) != 0) {
          return MakeError(ErrorCode::kRepository, "cannot read the folder " + std::string(dir) +
                                                       " of commit " + commit + ": " + LastError());
        }
        found = folders.emplace(std::string(dir), index(tree)).first;
      }
      folder = found->second.get();
    }
  }
  return out;
}

core::Result<std::optional<std::string>> GitRepository::ReadPathAt(const std::string& commit,
                                                                   const std::string& path) {
  auto entry = FindInCommit(commit, path);
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry) return std::optional<std::string>();
  const std::string where = " in commit " + commit.substr(0, 12);
  if ((*entry)->kind == EntryKind::kSymlink || (*entry)->kind == EntryKind::kSubmodule) {
    return MakeError(ErrorCode::kIo, "is a symlink or submodule" + where + ", not a file", path);
  }
  // Only a blob of bounded size: a folder or a huge file is an error, never a read.
  git_oid oid;
  git_odb* odb = nullptr;
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  const bool header = git_oid_fromstr(&oid, (*entry)->blob_id.c_str()) == 0 &&
                      git_repository_odb(&odb, repo_) == 0 &&
                      git_odb_read_header(&size, &type, odb, &oid) == 0;
  git_odb_free(odb);
  if (header && type != GIT_OBJECT_BLOB) {
    return MakeError(ErrorCode::kIo, "is a folder" + where + ", not a file", path);
  }
  if (header && size > static_cast<std::size_t>(kMaxPolicyFileBytes)) {
    return MakeError(ErrorCode::kIo,
                     "is larger" + where + " than the " +
                         std::to_string(kMaxPolicyFileBytes >> 20) + " MiB allowed",
                     path);
  }
  auto blob = ReadBlob((*entry)->blob_id);
  if (!blob) return tl::unexpected(blob.error());
  return std::optional<std::string>(std::move(*blob));
}

core::Result<std::optional<TrackedFile>> GitRepository::FindInCommit(const std::string& commit,
                                                                     const std::string& path) {
  auto tree = TreeOf(repo_, commit);
  if (!tree) return tl::unexpected(tree.error());
  git_tree_entry* entry = nullptr;
  const int rc = git_tree_entry_bypath(&entry, *tree, path.c_str());
  git_tree_free(*tree);
  if (rc == GIT_ENOTFOUND) return std::optional<TrackedFile>();
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot look up " + path + " in commit " + commit + ": " + LastError());
  }
  TrackedFile file{path, KindOf(git_tree_entry_filemode(entry)),
                   OidString(git_tree_entry_id(entry)), 0};
  git_tree_entry_free(entry);
  return file;
}

core::Result<std::vector<TrackedFile>> GitRepository::ListCommit(const std::string& commit) {
  auto tree = TreeOf(repo_, commit);
  if (!tree) return tl::unexpected(tree.error());
  std::vector<TrackedFile> files;
  const int rc = git_tree_walk(
      *tree, GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) return 0;
        static_cast<std::vector<TrackedFile>*>(payload)->push_back(TrackedFile{
            std::string(root) + git_tree_entry_name(entry), KindOf(git_tree_entry_filemode(entry)),
            OidString(git_tree_entry_id(entry)), 0});
        return 0;
      },
      &files);
  git_tree_free(*tree);
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository, "cannot list commit " + commit + ": " + LastError());
  }
  return files;
}
}  // namespace riskgate::collect
