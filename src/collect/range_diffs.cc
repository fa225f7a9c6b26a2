#include "collect/range_diffs.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "collect/merge_diff.h"
#include "core/parallel.h"

namespace riskgate::collect {

RangeDiffs::RangeDiffs(GitRepository& repo, const std::vector<CommitRef>& commits,
                       const std::set<std::string, std::less<>>& in_range, const std::string& base,
                       std::int64_t max_file_bytes)
    : repo_(repo),
      commits_(commits),
      in_range_(in_range),
      base_(base),
      max_file_bytes_(max_file_bytes),
      results_(commits.size()) {}

RangeDiffs::~RangeDiffs() { StopHelpers(); }

std::size_t RangeDiffs::Workers(std::size_t threads) {
  while (handles_.size() + 1 < threads) {
    auto handle = repo_.Reopen();
    if (!handle) break;  // fewer workers; a handle that will not open is no error here
    handles_.push_back(std::move(*handle));
  }
  return std::min(threads, handles_.size() + 1);
}

void RangeDiffs::StartHelpers() {
  started_ = true;
  const std::size_t workers = Workers(core::ThreadsFor(commits_.size(), commits_.size(), 4, 0));
  for (std::size_t h = 0; h + 1 < workers; ++h) {
    helpers_.emplace_back([this, h] { Help(*handles_[h]); });
  }
}

void RangeDiffs::StopHelpers() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  room_.notify_all();
  for (auto& helper : helpers_) helper.join();
  helpers_.clear();
}

std::optional<std::size_t> RangeDiffs::NextToCompute() {
  if (stop_ || next_ >= commits_.size() || next_ >= taken_ + kAhead) return std::nullopt;
  return next_++;
}

void RangeDiffs::Help(GitRepository& handle) {
  while (true) {
    std::size_t c = 0;
    {
      std::unique_lock lock(mutex_);
      room_.wait(lock,
                 [&] { return stop_ || next_ >= commits_.size() || next_ < taken_ + kAhead; });
      const auto next = NextToCompute();
      if (!next) return;  // stopped, or every commit handed out
      c = *next;
    }
    auto diff = Diff(handle, commits_[c]);
    {
      std::lock_guard lock(mutex_);
      results_[c] = std::move(diff);
    }
    ready_.notify_all();
  }
}

core::Result<std::vector<FileDiff>> RangeDiffs::Take(std::size_t c) {
  if (!started_) StartHelpers();
  std::unique_lock lock(mutex_);
  while (!results_[c]) {
    if (stop_ && c >= next_) {  // the helpers are gone (Net ran) and no one took this commit up
      lock.unlock();
      return Diff(repo_, commits_[c]);
    }
    // Rather than wait, this thread diffs the next commit no one has taken up.
    if (const auto next = NextToCompute()) {
      lock.unlock();
      auto diff = Diff(repo_, commits_[*next]);
      lock.lock();
      results_[*next] = std::move(diff);
      continue;
    }
    ready_.wait(lock);
  }
  auto out = std::move(*results_[c]);
  results_[c].reset();
  taken_ = std::max(taken_, c + 1);
  lock.unlock();
  room_.notify_all();
  return out;
}

core::Result<std::vector<FileDiff>> RangeDiffs::Net(const std::string& from,
                                                    const std::string& to) {
  StopHelpers();  // their handles serve the net diff's runs now
  auto paths = repo_.ChangedPaths(from, to);
  if (!paths) return tl::unexpected(paths.error());
  const std::size_t threads = Workers(core::ThreadsFor(paths->size(), paths->size(), 64, 0));
  if (threads <= 1) return repo_.DiffCommits(from, to, max_file_bytes_);
  // libgit2 lists a diff's paths in its own order: each run is diffed by paths and the runs
  // are put back in the order ChangedPaths listed them.
  std::map<std::string_view, std::size_t> order;
  for (std::size_t i = 0; i < paths->size(); ++i) order.emplace((*paths)[i], i);
  const std::size_t runs = threads * 16;
  std::vector<std::vector<std::string>> only(runs);
  for (std::size_t i = 0; i < paths->size(); ++i) {
    only[i * runs / paths->size()].push_back((*paths)[i]);
  }
  std::vector<core::Result<std::vector<FileDiff>>> parts(runs);
  core::ParallelFor(runs, threads, [&](std::size_t run, std::size_t worker) {
    GitRepository& repo = worker == 0 ? repo_ : *handles_[worker - 1];
    parts[run] = repo.DiffCommits(from, to, max_file_bytes_, &only[run]);
  });
  std::vector<FileDiff> all;
  for (std::size_t run = 0; run < runs; ++run) {
    if (!parts[run]) return tl::unexpected(parts[run].error());
    const std::set<std::string_view> mine(only[run].begin(), only[run].end());
    for (FileDiff& diff : *parts[run]) {
      if (mine.contains(diff.path)) all.push_back(std::move(diff));  // a pathspec may reach below
    }
  }
  // Every path once, as one diff lists them; anything else: the diff in one piece.
  if (all.size() != paths->size()) return repo_.DiffCommits(from, to, max_file_bytes_);
  std::stable_sort(all.begin(), all.end(), [&](const FileDiff& a, const FileDiff& b) {
    return order.at(a.path) < order.at(b.path);
  });
  return all;
}

core::Result<std::vector<FileDiff>> RangeDiffs::Diff(GitRepository& repo,
                                                     const CommitRef& commit) const {
  if (commit.parents <= 1) return repo.DiffCommit(commit.id, max_file_bytes_);
  std::vector<std::string> parents;
  for (const std::string& parent : commit.parent_ids) {
    parents.push_back(in_range_.contains(parent) ? parent : base_);
  }
  return DiffMerge(repo, commit.id, parents, max_file_bytes_);
}

}  // namespace riskgate::collect
