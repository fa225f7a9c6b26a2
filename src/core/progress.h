// Stage 0 (core): how far a run has got, as counters the stages bump while they work, so a run
// stopped by its time budget can say what it had covered. Lock-free; no I/O.
#pragma once

#include <atomic>
#include <string>

namespace riskgate::core {

enum class RunStage { kStarting, kCollecting, kEvaluating, kDeciding, kReporting };

struct Progress {
  std::atomic<RunStage> stage{RunStage::kStarting};
  std::atomic<long long> files_collected{0};  // files read from the repository
  std::atomic<long long> fragments_total{0};  // text fragments to scan
  std::atomic<long long> fragments_done{0};
  std::atomic<long long> documents_total{0};  // pipeline documents to parse
  std::atomic<long long> documents_done{0};
};

// The counters of this process's run.
Progress& RunProgress();

// "while evaluating: 1200 files collected, 340 of 1200 fragments and 2 of 5 documents judged".
std::string DescribeProgress(const Progress& progress);

}  // namespace riskgate::core
