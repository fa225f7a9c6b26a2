#include "app/watchdog.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include "app/app.h"
#include "app/error_output.h"
#include "core/progress.h"

namespace riskgate::app {

Watchdog::Watchdog(std::optional<double> seconds) {
  if (!seconds) return;
  const auto budget = std::chrono::duration<double>(*seconds);
  thread_ = std::thread([this, budget, seconds = *seconds] {
    std::unique_lock lock(mutex_);
    if (done_cv_.wait_for(lock, budget, [this] { return done_; })) return;
    std::ostringstream message;
    message << "the run exceeded --timeout " << std::setprecision(6) << seconds << " s "
            << core::DescribeProgress(core::RunProgress())
            << "; it did not finish, so nothing passes. Raise --timeout, narrow the scope "
               "(--staged, a shorter --base range), or lower limits.max_file_bytes";
    Fail(message.str());
    std::fflush(nullptr);
    std::_Exit(kExitError);
  });
}

Watchdog::~Watchdog() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  done_cv_.notify_all();
  thread_.join();
}

}  // namespace riskgate::app
