// `riskgate merge`: joins the reports of a sharded history audit (`history --shard K/N`, one
// JSON or SARIF report per job) into one report in any format, with one decision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_outputs.h"

namespace riskgate::app {

struct MergeOptions {
  std::vector<std::string> inputs;
  ReportFlags report;  // --format, --output, --color, --dry-run, --warn-exit-code
};

int RunMerge(const MergeOptions& options);

}  // namespace riskgate::app
