#include "app/progress_line.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace riskgate::app {

ProgressLine::ProgressLine(const evaluate::history::AuditProgress& progress, bool enabled)
    : progress_(progress), terminal_(isatty(STDERR_FILENO) == 1) {
  if (!enabled) return;
  // A terminal gets one line redrawn in place a few times a second and cleared at the end; a
  // log (CI with --progress always) gets a plain line every few seconds and a final one.
  const auto period = terminal_ ? std::chrono::milliseconds(250) : std::chrono::seconds(5);
  thread_ = std::thread([this, period] {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!done_cv_.wait_for(lock, period, [this] { return done_; })) Draw(start);
    if (terminal_) {
      std::fputs("\r\033[K", stderr);
    } else {
      Draw(start);
    }
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
  std::fprintf(stderr, "%shistory: %lld/%lld commits, %lld blobs, %.1f MB/s, ETA %s%s",
               terminal_ ? "\r\033[K" : "", done, total, progress_.blobs_read.load(), rate,
               eta.c_str(), terminal_ ? "" : "\n");
  std::fflush(stderr);
}

}  // namespace riskgate::app
