#include "app/check_command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "app/judge.h"
#include "app/watchdog.h"
#include "core/progress.h"
#include "decide/decide.h"
#include "report/report.h"

namespace riskgate::app {
namespace {

struct OutputPlan {
  report::Format format;
  std::string path;  // empty or "-": standard output
};

core::Result<std::vector<OutputPlan>> PlanOutputs(const CheckOptions& options) {
  std::vector<std::string> formats = options.formats;
  if (formats.empty()) formats.push_back("text");
  std::vector<std::string> paths(formats.size());
  for (std::size_t o = 0; o < options.outputs.size(); ++o) {
    int index = o < options.output_format.size() ? options.output_format[o] : static_cast<int>(o);
    if (index < 0 && options.formats.empty()) index = 0;  // --output alone: the text report
    if (index < 0) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "--output " + options.outputs[o] +
                                 " comes before any --format: write --format F --output FILE");
    }
    auto& path = paths[static_cast<std::size_t>(index)];
    if (!path.empty()) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "two --output options follow the same --format: give each its own");
    }
    path = options.outputs[o];
  }
  std::vector<OutputPlan> plans;
  int to_stdout = 0;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    auto format = report::ParseFormat(formats[i]);
    if (!format) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "unknown format '" + formats[i] +
                                 "' (expected one of: " + std::string(report::FormatNames()) + ")");
    }
    const std::string& path = paths[i];
    if (path.empty() || path == "-") ++to_stdout;
    plans.push_back(OutputPlan{*format, path});
  }
  if (to_stdout > 1) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "several formats would go to standard output: give each an --output");
  }
  return plans;
}

bool UseColor(ColorMode mode) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever) return false;
  return ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int RunCheck(const CheckOptions& options) {
  auto plans = PlanOutputs(options);
  if (!plans) return Fail(plans.error());
  if (auto mode = ExplicitMode(options); !mode) return Fail(mode.error());
  const Watchdog watchdog(options.timeout_seconds);
  auto& progress = core::RunProgress();

  auto judged = Judge(options);
  if (!judged) return Fail(judged.error());
  const decide::Verdict& verdict = judged->verdict;

  progress.stage = core::RunStage::kReporting;
  const report::ReportInput input{verdict, judged->facts.scope, judged->inputs.policy.source,
                                  options.dry_run};
  for (const auto& plan : *plans) {
    const bool to_stdout = plan.path.empty() || plan.path == "-";
    const report::TextStyle style{to_stdout && UseColor(options.color)};
    const std::string document = report::Render(plan.format, input, style);
    if (to_stdout) {
      std::cout << document << std::flush;
      if (!std::cout) {
        return Fail(core::Error{core::ErrorCode::kIo, "cannot write to standard output", ""});
      }
      continue;
    }
    if (auto written = WriteFileAtomically(plan.path, document); !written) {
      return Fail(written.error());
    }
  }
  if (options.dry_run) return kExitPass;
  if (verdict.decision == core::Decision::kBlock) return kExitBlock;
  if (verdict.decision == core::Decision::kWarn && options.warn_exit_code) {
    return *options.warn_exit_code;
  }
  return kExitPass;
}

}  // namespace riskgate::app
