// Core: runs independent jobs over an index range on several threads (the caller's thread is
// one of them). Callers write results into slots by index, so output order never depends on
// scheduling.
#pragma once

#include <cstddef>
#include <functional>

namespace riskgate::core {

// How many threads a job over `bytes` of work in `items` pieces deserves: 1 below `min_items`
// or `min_bytes`, else every core (at most one per item).
std::size_t ThreadsFor(std::size_t items, std::size_t bytes, std::size_t min_items,
                       std::size_t min_bytes);

// Calls job(item, worker) once for every item below `count`, with worker < threads.
void ParallelFor(std::size_t count, std::size_t threads,
                 const std::function<void(std::size_t item, std::size_t worker)>& job);

}  // namespace riskgate::core
