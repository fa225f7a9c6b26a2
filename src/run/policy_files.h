// Stage run: where the policy and the files it names (rule packs, waivers, baseline) are read from.
// In range mode that is the base commit, so a change cannot weaken the policy that judges it,
// whatever spelling of a repository path names it and whatever symlinks the change adds;
// otherwise the working tree. Every repository path asked for is remembered, so the run can
// report a change that edits any of them.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::run {

class PolicyFiles {
 public:
  // `base`: the commit whose versions count, or empty for the working tree.
  PolicyFiles(collect::GitRepository& repo, std::string base);

  // Reads `path` (absolute, or relative to the current folder); missing is an error.
  core::Result<std::string> Read(const std::string& path);
  // The same, with nullopt when the file does not exist there.
  core::Result<std::optional<std::string>> ReadIfPresent(const std::string& path);
  // The repository-relative form of `path`, or nullopt when it is outside the working tree.
  // Any spelling counts: relative, absolute, through `..` or symlinked folders outside the
  // repository (resolved on disk); links inside the repository are not followed on disk.
  std::optional<std::string> RepoPath(const std::string& path) const;

  const std::string& base() const { return base_; }
  // Repository paths read (or looked for) so far.
  const std::set<std::string>& repo_paths() const { return repo_paths_; }

 private:
  // `repo_path` at the base revision, following the base tree's own symlinks (in any folder),
  // never the change's; every path passed through is remembered.
  core::Result<std::optional<std::string>> ReadAtBase(const std::string& repo_path);

  collect::GitRepository& repo_;
  std::string base_;
  std::set<std::string> repo_paths_;
};

}  // namespace riskgate::run
