// `riskgate history`: audit every commit reachable from the refs for secrets and the custom
// content rules, one finding per secret with the commit that introduced it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/report_outputs.h"
#include "core/error.h"
#include "run/request.h"

namespace riskgate::app {

enum class ProgressMode { kAuto, kAlways, kNever };

// "K/N" (1 <= K <= N <= 10000) as written for --shard and in reports; empty: the whole audit.
core::Result<run::Shard> ParseShard(const std::string& text);

struct HistoryOptions {
  std::string repo;                   // empty: as git finds it
  std::vector<std::string> branches;  // empty: every ref
  std::string since;                  // YYYY-MM-DD or RFC 3339 (committer time)
  std::string until;
  int max_commits = 0;
  std::string shard;   // "K/N"
  std::string policy;  // empty: <workdir>/.riskgate.yaml, else the built-in default
  ReportFlags report;  // --format, --output, --color, --dry-run, --warn-exit-code
  ProgressMode progress = ProgressMode::kAuto;
  int jobs = 0;  // 0: every core
  std::optional<double> timeout_seconds;
  std::optional<std::int64_t> max_file_bytes;
};

int RunHistory(const HistoryOptions& options);

}  // namespace riskgate::app
