// Stage 1 (collect): one piece of a run's git work computed ahead, on a thread and a libgit2
// handle of their own (`GitRepository::Reopen`: handles are not shared between threads), from
// the moment its inputs are known until the caller takes it. A range's net diff and the walk of
// its commits use it: each runs on one core in libgit2 while the caller's thread does other work.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "collect/git_repository.h"
#include "core/error.h"
#include "core/thread_heap.h"

namespace riskgate::collect {

template <typename T>
class HandleAhead {
 public:
  using Work = std::function<core::Result<T>(GitRepository&)>;

  // Starts `work` on a handle reopened from `repo`. Where no second handle opens or no thread
  // starts, Take runs it on the caller's thread with `repo`, which must outlive this. `what`
  // names the work in the error a failed allocation becomes.
  HandleAhead(GitRepository& repo, Work work, std::string what)
      : repo_(repo), work_(std::move(work)), what_(std::move(what)) {
    auto handle = repo_.Reopen();
    if (!handle) return;
    handle_ = std::move(*handle);
    try {
      thread_ = std::thread([this] {
        core::AdviseThreadHeap();
        result_ = Run(*handle_);
      });
    } catch (const std::exception&) {
      // No thread to be had: Take runs the work on the caller's thread.
    }
  }
  ~HandleAhead() {  // waits for the work
    if (thread_.joinable()) thread_.join();
  }
  HandleAhead(const HandleAhead&) = delete;
  HandleAhead& operator=(const HandleAhead&) = delete;

  // The work's result, once: waits for it.
  core::Result<T> Take() {
    if (thread_.joinable()) thread_.join();
    if (!result_) result_ = Run(repo_);
    auto out = std::move(*result_);
    result_.reset();
    return out;
  }

 private:
  core::Result<T> Run(GitRepository& repo) const {
    try {
      return work_(repo);
    } catch (const std::exception& e) {  // memory, on a thread where nothing else would catch it
      return core::MakeError(core::ErrorCode::kInternal, what_ + " failed: " + e.what());
    }
  }

  GitRepository& repo_;
  const Work work_;
  const std::string what_;
  std::unique_ptr<GitRepository> handle_;
  std::optional<core::Result<T>> result_;  // set before the thread ends
  std::thread thread_;                     // last: started once everything above is set
};

}  // namespace riskgate::collect
