// App: which report formats a command writes where (`--format F --output FILE`, paired as
// written), writing them (files atomically, at most one format to standard output), and the
// exit code that follows: the one output path and the one exit-code rule of check, history and
// merge.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "report/report.h"

namespace riskgate::app {

enum class ColorMode { kAuto, kAlways, kNever };

// What a judging command prints and how it exits: --format/--output, --color, --dry-run and
// --warn-exit-code (declared once, by cli_flags.cc).
struct ReportFlags {
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  // For each output, the index of the --format given before it on the command line (-1: none),
  // so `--format json --output a.json --format sarif --output b.sarif` pairs as written.
  std::vector<int> output_format;
  ColorMode color = ColorMode::kAuto;
  bool dry_run = false;
  // Exit code for a run that only warns (default 0), e.g. for GitLab `allow_failure: exit_codes`.
  std::optional<int> warn_exit_code;
};

struct OutputPlan {
  report::Format format;
  std::string path;  // empty or "-": standard output
};

// `output_format[i]`: the index of the --format given before outputs[i] (-1: none).
core::Result<std::vector<OutputPlan>> PlanOutputs(const std::vector<std::string>& formats,
                                                  const std::vector<std::string>& outputs,
                                                  const std::vector<int>& output_format);

core::Result<std::vector<OutputPlan>> PlanOutputs(const ReportFlags& flags);

core::Result<void> WriteOutputs(const std::vector<OutputPlan>& plans,
                                const report::ReportInput& input, ColorMode color);

// 0 pass (and any decision under --dry-run), 1 block, --warn-exit-code (else 0) for warn.
int ExitCodeFor(core::Decision decision, const ReportFlags& flags);

// Writes every planned report, then returns ExitCodeFor the verdict (Fail's code if a write
// fails).
int Publish(const ReportFlags& flags, const std::vector<OutputPlan>& plans,
            const report::ReportInput& input);

}  // namespace riskgate::app
