#include "collect/net_diff.h"

#include <exception>
#include <utility>

#include "core/thread_heap.h"

namespace riskgate::collect {

NetDiffAhead::NetDiffAhead(GitRepository& repo, std::string from, std::string to,
                           std::int64_t max_file_bytes)
    : repo_(repo), from_(std::move(from)), to_(std::move(to)), max_file_bytes_(max_file_bytes) {
  auto handle = repo_.Reopen();
  if (!handle) return;  // no second handle: Take diffs on the caller's thread
  handle_ = std::move(*handle);
  try {
    thread_ = std::thread([this] {
      core::AdviseThreadHeap();
      result_ = Compute(*handle_);
    });
  } catch (const std::exception&) {
    // No thread to be had: Take diffs on the caller's thread.
  }
}

NetDiffAhead::~NetDiffAhead() {
  if (thread_.joinable()) thread_.join();
}

core::Result<std::vector<FileDiff>> NetDiffAhead::Take() {
  if (thread_.joinable()) thread_.join();
  if (!result_) result_ = Compute(repo_);
  auto out = std::move(*result_);
  result_.reset();
  return out;
}

core::Result<std::vector<FileDiff>> NetDiffAhead::Compute(GitRepository& repo) const {
  try {
    return repo.DiffCommits(from_, to_, max_file_bytes_);
  } catch (const std::exception& e) {  // memory, on a thread where nothing else would catch it
    return core::MakeError(core::ErrorCode::kInternal,
                           std::string("the range's net diff failed: ") + e.what());
  }
}

}  // namespace riskgate::collect
