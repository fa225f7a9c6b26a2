// Stage 1 (collect): the versions a change started from, so that evaluators can tell what the
// change introduced by identity rather than by line: the base version of each document a
// control parses, and the whole new version of each changed file with its prior versions for
// secrets that span several lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "collect/change_collector.h"
#include "collect/facts.h"
#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect {

// Sets `base_content` of each of `files` to its version in `base` (no commit: the files are
// new). A version that is not a regular text file under the size limit counts as absent, so
// every finding in the file counts as introduced.
core::Result<void> AddBaseVersions(GitRepository& repo, const std::optional<std::string>& base,
                                   std::int64_t max_file_bytes, std::vector<ChangedFile>& files);

// What the contexts of one change have read and given so far.
struct PriorTexts {
  // Versions of files in trusted commits, keyed by (commit, path): read once for a whole range,
  // where many commits modify one file, and shared by their fragments (an absent or unjudgeable
  // version is an empty text).
  std::map<std::pair<std::string, std::string>, SharedText> versions;
  // (path, blob id) of each new version a commit's context gave whole: a range's net diff gives
  // the same versions with the same priors again, which would only find the same secrets.
  std::set<std::pair<std::string, std::string>> given;
};

// For each of `diffs` (a change judged as `commit`) that modifies a file and that AddDiffs
// neither skipped nor already gave whole (`skipped_before` is the size of
// `facts.scope.skipped` before that AddDiffs call), adds a kContext fragment: the new version
// with its version in each of the trusted commits `priors` (an empty id: the empty tree). A
// version that cannot be judged as text counts as empty. Without `commit` (a range's net diff),
// a version some commit's context already gave is left out, and so is one `request`'s
// `context_may_find` rejects. The fragments take the diffs' texts (moved, not copied: a range's
// contexts are whole files, hundreds of MB).
core::Result<void> AddContexts(GitRepository& repo, std::vector<FileDiff>& diffs,
                               const std::optional<std::string>& commit,
                               const std::vector<std::string>& priors, std::size_t skipped_before,
                               const ScopeRequest& request, PriorTexts& read, ChangeFacts& facts);

// For each file of `tree` (the judged tree) whose role the base did not give it
// (`request.role_changed`), judges it whole with no base version: the document of the change
// loses its base version, and an untouched one is added as it is judged.
core::Result<void> AddNewRoleDocuments(GitRepository& repo, const ScopeRequest& request,
                                       const std::vector<TrackedFile>& tree, ChangeFacts& facts);

}  // namespace riskgate::collect
