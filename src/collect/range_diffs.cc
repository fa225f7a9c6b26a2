#include "collect/range_diffs.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "collect/merge_diff.h"
#include "core/parallel.h"
#include "core/thread_heap.h"

namespace riskgate::collect {

RangeDiffs::RangeDiffs(GitRepository& repo, const std::vector<CommitRef>& commits,
                       const std::set<std::string, std::less<>>& in_range, const std::string& base,
                       std::int64_t max_file_bytes, const LinesWanted* wanted)
    : repo_(repo),
      commits_(commits),
      in_range_(in_range),
      base_(base),
      max_file_bytes_(max_file_bytes),
      wanted_(wanted),
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
    core::AdviseThreadHeap();  // again: a thread's arena may have grown into another heap
    core::Result<std::vector<FileDiff>> diff;
    try {
      diff = Diff(handle, commits_[c]);
    } catch (const std::exception& e) {  // memory, on a thread where nothing else would catch it
      diff = core::MakeError(core::ErrorCode::kInternal,
                             std::string("a commit's diff failed: ") + e.what());
    }
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

core::Result<std::vector<FileDiff>> RangeDiffs::Diff(GitRepository& repo,
                                                     const CommitRef& commit) const {
  if (commit.parents <= 1) return repo.DiffCommit(commit.id, max_file_bytes_, wanted_);
  std::vector<std::string> parents;
  for (const std::string& parent : commit.parent_ids) {
    parents.push_back(in_range_.contains(parent) ? parent : base_);
  }
  return DiffMerge(repo, commit.id, parents, max_file_bytes_, wanted_);
}

}  // namespace riskgate::collect
