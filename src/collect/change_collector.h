// Stage 1 (collect): turns "what is judged" (staged index, a commit range, the worktree) into
// facts: fragments of text to scan and a scope summary that counts every skipped file.
// It must not evaluate anything; it reads the repository and nothing else.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/error.h"
#include "core/scope.h"

namespace riskgate::collect {

// As --base, git's empty tree means "from the beginning": every commit reachable from head.
inline constexpr std::string_view kEmptyTreeId = core::kEmptyTreeId;

struct ScopeRequest {
  core::ScanMode mode = core::ScanMode::kStaged;
  std::string base;  // range mode
  std::string head;  // range mode
  std::int64_t max_file_bytes = 2 * 1024 * 1024;
  // Paths whose whole new version the evaluators need (see ChangedFile); none when empty.
  std::function<bool(std::string_view path)> wants_document;
  // Whether a control needs every file of the judged tree (ChangeFacts::tree).
  bool wants_tree = false;
  // Worktree mode: only these tracked paths are judged (the files pre-commit names); empty:
  // every tracked file.
  std::set<std::string, std::less<>> only_paths;
  // Paths the evaluators give a role their base did not (a file `.gitlab-ci.yml` newly
  // includes): judged whole as documents with no base version, touched by the change or not.
  // Unset when the base and the judged state give every path the same role.
  std::function<bool(std::string_view path)> role_changed;
  // Whether a whole-file context (FragmentKind::kContext) whose text is `text` may give some
  // control a finding; one it rejects is not kept, and no trusted version is read for it (a
  // range's contexts are whole files, hundreds of MB, nearly all with nothing to find). Unset:
  // every context is kept.
  std::function<bool(std::string_view text)> context_may_find;
  // Whether lines added to `path` whose new version is `text` may give some control a finding,
  // whichever of its lines they are (FragmentKind::kLines); a file it rejects is not line-diffed
  // (no fragment; FileDiff::lines_clear) and counts as scanned. Asked from every thread that
  // diffs. Unset: every file is line-diffed.
  std::function<bool(std::string_view path, std::string_view text)> lines_may_find;
};

class GitRepository;

core::Result<ChangeFacts> CollectChange(GitRepository& repo, const ScopeRequest& request);

// Starts the walk of a range's commits (ScopeRequest's `base` and `head` revisions) on a thread
// of its own, for CollectChange to take: a range check calls it before it reads its policy.
// Does nothing where the ends do not resolve (CollectChange says why).
void WalkRangeAhead(GitRepository& repo, const std::string& base, const std::string& head);

// The content of `path` as the scope judges the repository (the index for staged, head for a
// range, the working tree for worktree), whether or not the change touches it; nullopt when it
// is not tracked there, is not a regular file, is binary or is over the size limit.
core::Result<std::optional<std::string>> ReadJudgedFile(GitRepository& repo,
                                                        const ScopeRequest& request,
                                                        const std::string& path);

// Every path ReadJudgedFile can read (the index, or head's tree for a range), for include globs.
core::Result<std::vector<std::string>> ListJudgedPaths(GitRepository& repo,
                                                       const ScopeRequest& request);

// The content of `path` in the version the change started from (HEAD for staged, the merge
// base of a range), with ReadJudgedFile's limits; nullopt for a worktree audit.
core::Result<std::optional<std::string>> ReadBaseFile(GitRepository& repo,
                                                      const ScopeRequest& request,
                                                      const std::string& path);

// Every path of the version the change started from; empty for a worktree audit.
core::Result<std::vector<std::string>> ListBasePaths(GitRepository& repo,
                                                     const ScopeRequest& request);

}  // namespace riskgate::collect
