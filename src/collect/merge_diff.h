// Stage 1 (collect): what a merge commit introduced, `git diff-tree --cc` style: the lines of
// the merge that are added relative to every parent (an "evil merge" line, a conflict
// resolution), so that a merge is judged like any other commit of a range.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect {

// The files of `merge` that differ from every commit of `against` (one per parent; an empty id
// is the empty tree), each with the hunks of lines added relative to all of them, and the files
// every one of them has and the merge deleted. A file the merge took unchanged from one of them
// is not listed. With `wanted`, a file whose lines it does not want is not line-diffed against
// any of them (FileDiff::lines_clear).
core::Result<std::vector<FileDiff>> DiffMerge(GitRepository& repo, const std::string& merge,
                                              const std::vector<std::string>& against,
                                              std::int64_t max_file_bytes,
                                              const LinesWanted* wanted = nullptr);

}  // namespace riskgate::collect
