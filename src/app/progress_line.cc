#include "app/progress_line.h"

#include <cstdio>
#include <string>

namespace riskgate::app {

ProgressLine::ProgressLine(const evaluate::history::AuditProgress& progress, bool enabled)
    : progress_(progress) {
  if (!enabled) return;
  thread_ = std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!done_cv_.wait_for(lock, std::chrono::milliseconds(250), [this] { return done_; })) {
      Draw(start);
    }
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  });
}

ProgressLine::~ProgressLine() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  done_cv_.notify_all();
  thread_.join();
}

void ProgressLine::Draw(std::chrono::steady_clock::time_point start) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const long long total = progress_.commits_total;
  const long long done = progress_.commits_done;
  const double megabytes = static_cast<double>(progress_.bytes_read) / (1024.0 * 1024.0);
  const double rate = seconds > 0 ? megabytes / seconds : 0;
  std::string eta = "--";
  if (done > 0 && total >= done) {
    eta = std::to_string(static_cast<long long>(seconds * static_cast<double>(total - done) /
                                                static_cast<double>(done))) +
          "s";
  }
  std::fprintf(stderr, "\r\033[Khistory: %lld/%lld commits, %lld blobs, %.1f MB/s, ETA %s", done,
               total, progress_.blobs_read.load(), rate, eta.c_str());
  std::fflush(stderr);
}

}  // namespace riskgate::app
