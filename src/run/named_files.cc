#include "run/named_files.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace riskgate::run {
namespace {

namespace fs = std::filesystem;

// `file` (relative to the current folder, or absolute) as a path of the repository's tree.
// Directories are resolved (a symlinked working folder), the file's own name is not: a tracked
// symlink stays itself.
core::Result<std::string> RepositoryPath(const std::string& file, const fs::path& workdir) {
  std::error_code error;
  fs::path full = fs::path(file).is_absolute() ? fs::path(file) : fs::current_path(error) / file;
  full = full.lexically_normal();
  const fs::path folder = fs::weakly_canonical(full.parent_path(), error);
  const fs::path relative = (folder / full.filename()).lexically_relative(workdir);
  const std::string text = relative.generic_string();
  if (error || relative.empty() || text == "." || text.starts_with("..")) {
    return core::MakeError(
        core::ErrorCode::kUsage,
        "'" + file + "' is not a file of the repository at " + workdir.generic_string());
  }
  return text;
}

tl::unexpected<core::Error> NotTracked(const std::string& path) {
  const std::string hint =
      path.find("/-") != std::string::npos || path.starts_with("-")
          ? " (an option after `--`? Options go before it: in a pre-commit config, in the "
            "hook's `entry: riskgate check <options> --`, not in `args:`)"
          : " (riskgate judges the files git tracks: `git add` it first)";
  return core::MakeError(core::ErrorCode::kUsage, "'" + path + "' is not tracked" + hint);
}

// Whether every one of `entries` (index entries) differs from HEAD: what a commit hook names.
// Looked up name by name, stopping at the first unstaged one (`--all-files` names them all).
core::Result<bool> AllStaged(const std::vector<collect::TrackedFile>& entries,
                             collect::GitRepository& repo) {
  auto head = repo.Head();
  if (!head) return tl::unexpected(head.error());
  if (!*head) return true;  // an unborn branch: the whole index is staged
  for (const collect::TrackedFile& entry : entries) {
    auto committed = repo.FindInCommit(**head, entry.path);
    if (!committed) return tl::unexpected(committed.error());
    if (*committed && (*committed)->blob_id == entry.blob_id && (*committed)->kind == entry.kind) {
      return false;
    }
  }
  return true;
}

}  // namespace

core::Result<collect::ScopeChoice> WithNamedFiles(const std::vector<std::string>& files,
                                                  collect::ScopeChoice chosen,
                                                  collect::GitRepository& repo) {
  // A range (pre-push, CI) is judged whole: pre-commit names the files it touched anyway.
  if (files.empty() || chosen.mode == core::ScanMode::kRange) return chosen;
  const std::string workdir_text = repo.Workdir();
  if (workdir_text.empty()) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "files are named, but this repository is bare (no working tree)");
  }
  std::error_code error;
  const fs::path workdir = fs::weakly_canonical(workdir_text, error);
  std::set<std::string, std::less<>> named;
  for (const std::string& file : files) {
    auto path = RepositoryPath(file, workdir);
    if (!path) return tl::unexpected(path.error());
    named.insert(std::move(*path));
  }
  // A name the index does not hold would be judged as nothing: refused, never a silent pass.
  std::vector<collect::TrackedFile> entries;
  for (const std::string& path : named) {
    auto entry = repo.FindInIndex(path);
    if (!entry) return tl::unexpected(entry.error());
    if (!*entry) return NotTracked(path);
    entries.push_back(std::move(**entry));
  }
  if (chosen.mode == core::ScanMode::kStaged) {
    // A commit hook names the staged files: the staged change is judged, as without names.
    auto staged = AllStaged(entries, repo);
    if (!staged) return tl::unexpected(staged.error());
    if (*staged) return chosen;
    // The staged change is judged with them, as it is on disk: names (a repository's own
    // pre-commit config can set the hook's `args:` and `files:`) never leave part of it out.
    auto diff = repo.DiffStaged(1);
    if (!diff) return tl::unexpected(diff.error());
    for (const collect::FileDiff& staged_file : *diff) named.insert(staged_file.path);
    chosen.mode = core::ScanMode::kWorktree;
    chosen.base.clear();
    chosen.head.clear();
    chosen.source = "files named beyond the staged change (pre-commit run --all-files or --files)";
  }
  chosen.only_paths = std::move(named);
  return chosen;
}

}  // namespace riskgate::run
