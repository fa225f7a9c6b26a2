// Stage 1 (collect): the diffs of a range check's commits, computed on every core: each commit's
// own diff (against its parents in the range, the base standing for any other). The range's net
// diff is collect/net_diff.h's.
// Commits are diffed ahead of the one the caller takes, by helper threads with libgit2 handles
// of their own (handles are not shared between threads) and by the caller's thread while it
// would otherwise wait, at most kAhead commits ahead: the caller judges one commit's diff while
// the next ones are computed, and the texts held stay bounded.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect {

class RangeDiffs {
 public:
  // `commits` oldest first; `in_range` their ids; `base` the range's base ("" for the empty
  // tree); `wanted` (may be null) which files' lines are wanted (LinesWanted), asked on every
  // worker's thread. All must outlive this.
  RangeDiffs(GitRepository& repo, const std::vector<CommitRef>& commits,
             const std::set<std::string, std::less<>>& in_range, const std::string& base,
             std::int64_t max_file_bytes, const LinesWanted* wanted = nullptr);
  ~RangeDiffs();
  RangeDiffs(const RangeDiffs&) = delete;
  RangeDiffs& operator=(const RangeDiffs&) = delete;

  // Commit c's diffs; commits are taken in order, each once.
  core::Result<std::vector<FileDiff>> Take(std::size_t c);

 private:
  static constexpr std::size_t kAhead = 64;  // commits diffed ahead of the one taken

  // Opens handles up to `threads` workers (the caller's thread among them); how many there are.
  std::size_t Workers(std::size_t threads);
  void StartHelpers();
  void StopHelpers();
  void Help(GitRepository& handle);
  // The next commit to diff, or nullopt when none may start now; under mutex_.
  std::optional<std::size_t> NextToCompute();
  core::Result<std::vector<FileDiff>> Diff(GitRepository& repo, const CommitRef& commit) const;

  GitRepository& repo_;
  const std::vector<CommitRef>& commits_;
  const std::set<std::string, std::less<>>& in_range_;
  const std::string& base_;
  std::int64_t max_file_bytes_;
  const LinesWanted* wanted_;
  std::vector<std::unique_ptr<GitRepository>> handles_;

  std::mutex mutex_;
  std::condition_variable ready_;  // a result was stored
  std::condition_variable room_;   // a result was taken: helpers may go further ahead
  std::vector<std::optional<core::Result<std::vector<FileDiff>>>> results_;
  std::size_t next_ = 0;   // the next commit no one diffs yet
  std::size_t taken_ = 0;  // commits taken by the caller
  bool stop_ = false;
  bool started_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace riskgate::collect
