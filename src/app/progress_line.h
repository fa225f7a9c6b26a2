// App: the progress line of a long audit on stderr (commits and blobs done, MB/s, ETA),
// redrawn a few times a second from the audit's counters by a thread of its own.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "evaluate/history/history_audit.h"

namespace riskgate::app {

class ProgressLine {
 public:
  // Draws nothing when `enabled` is false.
  ProgressLine(const evaluate::history::AuditProgress& progress, bool enabled);
  ~ProgressLine();  // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void Draw(std::chrono::steady_clock::time_point start);

  const evaluate::history::AuditProgress& progress_;
  const bool terminal_;
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace riskgate::app
