// `riskgate check`: judge a change and decide block / warn / pass.
#pragma once

#include <optional>
#include "app/report_outputs.h"
#include "run/request.h"

namespace riskgate::app {

struct CheckOptions {
  run::JudgeRequest judge;  // what to judge: the scope, the policy, the reviews' pull request
  ReportFlags report;       // --format, --output, --color, --dry-run, --warn-exit-code
  // Wall-clock budget in seconds; past it the run fails closed (exit 2).
  std::optional<double> timeout_seconds;
};

int RunCheck(const CheckOptions& options);

}  // namespace riskgate::app
