#include "app/report_outputs.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"

namespace riskgate::app {
namespace {

bool UseColor(ColorMode mode) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever) return false;
  return ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

// The format a file name's extension names, for --output without --format; a name without an
// extension ("-", /dev/stdout, a FIFO) gets the text report, an unknown extension nothing.
std::optional<std::string> FormatOfPath(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ||
      dot == 0 || dot == slash + 1) {
    return "text";
  }
  static const std::map<std::string, std::string, std::less<>> kByExtension = {{".txt", "text"},
                                                                               {".json", "json"},
                                                                               {".sarif", "sarif"},
                                                                               {".xml", "junit"},
                                                                               {".md", "markdown"}};
  const auto it = kByExtension.find(path.substr(dot));
  if (it == kByExtension.end()) return std::nullopt;
  return it->second;
}

}  // namespace

core::Result<std::vector<OutputPlan>> PlanOutputs(const std::vector<std::string>& requested,
                                                  const std::vector<std::string>& outputs,
                                                  const std::vector<int>& output_format) {
  std::vector<std::string> formats = requested;
  if (formats.empty()) formats.push_back("text");
  std::vector<std::string> paths(formats.size());
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    int index = o < output_format.size() ? output_format[o] : static_cast<int>(o);
    if (index < 0 && requested.empty()) {
      // --output alone: the format its extension names; a silent text report in r.json would
      // break whatever reads it.
      const auto format = FormatOfPath(outputs[o]);
      if (!format) {
        return core::MakeError(core::ErrorCode::kUsage,
                               "--output " + outputs[o] +
                                   ": its extension names no format (.txt, .json, .sarif, .xml, "
                                   ".md); write --format F --output FILE");
      }
      formats[0] = *format;
      index = 0;
    }
    if (index < 0) {
      return core::MakeError(
          core::ErrorCode::kUsage,
          "--output " + outputs[o] + " comes before any --format: write --format F --output FILE");
    }
    auto& path = paths[static_cast<std::size_t>(index)];
    if (!path.empty()) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "two --output options follow the same --format: give each its own");
    }
    path = outputs[o];
  }
  std::vector<OutputPlan> plans;
  std::map<std::string, std::string> targets;  // identity -> the --output that named it
  int to_stdout = 0;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    auto format = report::ParseFormat(formats[i]);
    if (!format) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "unknown format '" + formats[i] +
                                 "' (expected one of: " + std::string(report::FormatNames()) + ")");
    }
    const std::string& path = paths[i];
    if (path.empty() || path == "-") {
      ++to_stdout;
    } else if (const auto identity = OutputIdentity(path); identity != "/dev/null") {
      // Two formats into one file would leave only the last; say so instead.
      if (identity == "fd:1") ++to_stdout;
      if (auto [it, fresh] = targets.emplace(identity, path); !fresh && identity != "fd:1") {
        return core::MakeError(core::ErrorCode::kUsage,
                               "--output " + path + " and --output " + it->second +
                                   " are the same file: give each format its own");
      }
    }
    plans.push_back(OutputPlan{*format, path});
  }
  if (to_stdout > 1) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "several formats would go to standard output: give each an --output");
  }
  return plans;
}

core::Result<void> WriteOutputs(const std::vector<OutputPlan>& plans,
                                const report::ReportInput& input, ColorMode color) {
  for (const auto& plan : plans) {
    const bool to_stdout = plan.path.empty() || plan.path == "-";
    const report::TextStyle style{to_stdout && UseColor(color)};
    const std::string document = report::Render(plan.format, input, style);
    if (to_stdout) {
      std::cout << document << std::flush;
      if (!std::cout) {
        return tl::unexpected(
            core::Error{core::ErrorCode::kIo, "cannot write to standard output", ""});
      }
      continue;
    }
    if (auto written = WriteFileAtomically(plan.path, document); !written) {
      return tl::unexpected(written.error());
    }
  }
  return {};
}

core::Result<std::vector<OutputPlan>> PlanOutputs(const ReportFlags& flags) {
  return PlanOutputs(flags.formats, flags.outputs, flags.output_format);
}

int ExitCodeFor(core::Decision decision, const ReportFlags& flags) {
  if (flags.dry_run) return kExitPass;
  if (decision == core::Decision::kBlock) return kExitBlock;
  if (decision == core::Decision::kWarn && flags.warn_exit_code) return *flags.warn_exit_code;
  return kExitPass;
}

int Publish(const ReportFlags& flags, const std::vector<OutputPlan>& plans,
            const report::ReportInput& input) {
  if (auto written = WriteOutputs(plans, input, flags.color); !written) {
    return Fail(written.error());
  }
  return ExitCodeFor(input.verdict.decision, flags);
}

}  // namespace riskgate::app
