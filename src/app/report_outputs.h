// App: which report formats a command writes where (`--format F --output FILE`, paired as
// written), and writing them: files atomically, at most one format to standard output.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "report/report.h"

namespace riskgate::app {

enum class ColorMode { kAuto, kAlways, kNever };

struct OutputPlan {
  report::Format format;
  std::string path;  // empty or "-": standard output
};

// `output_format[i]`: the index of the --format given before outputs[i] (-1: none).
core::Result<std::vector<OutputPlan>> PlanOutputs(const std::vector<std::string>& formats,
                                                  const std::vector<std::string>& outputs,
                                                  const std::vector<int>& output_format);

core::Result<void> WriteOutputs(const std::vector<OutputPlan>& plans,
                                const report::ReportInput& input, ColorMode color);

}  // namespace riskgate::app
