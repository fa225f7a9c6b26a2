#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "core/thread_heap.h"

namespace riskgate::core {

std::size_t ThreadsFor(std::size_t items, std::size_t bytes, std::size_t min_items,
                       std::size_t min_bytes) {
  if (items < min_items || bytes < min_bytes) return 1;
  return std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()), items);
}

void ParallelFor(std::size_t count, std::size_t threads,
                 const std::function<void(std::size_t item, std::size_t worker)>& job) {
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t worker) {
    AdviseThreadHeap();
    for (std::size_t i = next++; i < count; i = next++) job(i, worker);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& thread : pool) thread.join();
}

}  // namespace riskgate::core
