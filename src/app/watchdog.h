// App: the wall-clock budget of a run (`--timeout`). When it runs out before the run ends, the
// process says what it had covered (core::RunProgress) and exits 2: a run that could not finish
// never passes. Stages cannot be interrupted safely inside libgit2 or RE2, so this is a timer
// thread that ends the process rather than a flag the stages poll.
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace riskgate::app {

class Watchdog {
 public:
  // No timer when `seconds` is empty.
  explicit Watchdog(std::optional<double> seconds);
  ~Watchdog();  // the run finished in time: stop the timer
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace riskgate::app
