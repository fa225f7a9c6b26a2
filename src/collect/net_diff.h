// Stage 1 (collect): a range's net diff (the merge base's tree against the head's, as one
// DiffCommits gives it), computed ahead (collect/handle_ahead.h) from the moment the range's
// ends are known: beside the walk of the range's commits and the commits' own diffs, instead of
// after them with the other cores idle behind its largest files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "collect/git_repository.h"
#include "collect/handle_ahead.h"
#include "core/error.h"

namespace riskgate::collect {

class NetDiffAhead {
 public:
  // Starts the diff of `from`'s tree ("": the empty tree) against `to`'s. `repo` must outlive
  // this, and so must `wanted` (may be null: LinesWanted); where no second handle opens, Take
  // diffs on the caller's thread with `repo`. The destructor waits for the diff.
  NetDiffAhead(GitRepository& repo, std::string from, std::string to, std::int64_t max_file_bytes,
               const LinesWanted* wanted = nullptr);

  // The net diff, once: waits for it.
  core::Result<std::vector<FileDiff>> Take() { return diff_.Take(); }

 private:
  HandleAhead<std::vector<FileDiff>> diff_;
};

}  // namespace riskgate::collect
