// Stage 1 (collect): a range's net diff (the merge base's tree against the head's, as one
// DiffCommits gives it), computed on a thread of its own with a libgit2 handle of its own from
// the moment the range's ends are known: beside the walk of the range's commits (one core, in
// libgit2) and the commits' own diffs, instead of after them with the other cores idle behind
// its largest files.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect {

class NetDiffAhead {
 public:
  // Starts the diff of `from`'s tree ("": the empty tree) against `to`'s. `repo` must outlive
  // this; where no second handle opens, Take diffs on the caller's thread with `repo`.
  NetDiffAhead(GitRepository& repo, std::string from, std::string to, std::int64_t max_file_bytes);
  ~NetDiffAhead();  // waits for the diff
  NetDiffAhead(const NetDiffAhead&) = delete;
  NetDiffAhead& operator=(const NetDiffAhead&) = delete;

  // The net diff, once: waits for it.
  core::Result<std::vector<FileDiff>> Take();

 private:
  core::Result<std::vector<FileDiff>> Compute(GitRepository& repo) const;

  GitRepository& repo_;
  const std::string from_;
  const std::string to_;
  const std::int64_t max_file_bytes_;
  std::unique_ptr<GitRepository> handle_;
  std::optional<core::Result<std::vector<FileDiff>>> result_;  // set before the thread ends
  std::thread thread_;
};

}  // namespace riskgate::collect
