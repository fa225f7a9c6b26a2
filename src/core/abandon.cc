#include "core/abandon.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace riskgate::core {
namespace {

std::atomic<bool> abandon_at_exit{false};

struct Kept {
  std::mutex mutex;
  std::vector<std::shared_ptr<void>> objects;
};

// Never destroyed: what it holds stays reachable until the process ends.
Kept& TheKept() {
  static auto* kept = new Kept;
  return *kept;
}

}  // namespace

void SetAbandonAtExit(bool on) { abandon_at_exit.store(on); }

bool AbandonAtExit() { return abandon_at_exit.load(); }

void KeepUntilExit(std::shared_ptr<void> object) {
  Kept& kept = TheKept();
  const std::lock_guard lock(kept.mutex);
  kept.objects.push_back(std::move(object));
}

}  // namespace riskgate::core
