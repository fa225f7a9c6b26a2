#include "app/cli_flags.h"

#include <CLI/CLI.hpp>

#include <cctype>
#include <map>

namespace riskgate::app {
namespace {

CLI::Validator FileSizeValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::int64_t bytes = 0;
        if (!CLI::detail::lexical_cast(value, bytes) || bytes < 1) {
          return "must be a whole number of bytes, at least 1 (got '" + value + "')";
        }
        return std::string();
      },
      "BYTES");
}

}  // namespace

void AddReportFlags(CLI::App& command, ReportFlags& flags) {
  CLI::Option* format = command.add_option("--format", flags.formats,
                                           "Output format: " + std::string(report::FormatNames()) +
                                               "; repeat with --output for several");
  CLI::Option* output =
      command.add_option("--output", flags.outputs,
                         "Write the matching --format to this file (atomically); '-' for stdout");
  // Pairs each --output with the --format written before it, once the command line is read.
  command.parse_complete_callback([&command, &flags, format, output] {
    flags.output_format.clear();
    int formats_seen = 0;
    for (const CLI::Option* option : command.parse_order()) {
      if (option == format) ++formats_seen;
      if (option == output) flags.output_format.push_back(formats_seen - 1);
    }
  });
  // One transform that reads the name and says plainly what it accepts (CLI11's own mapping
  // error shows its internal table).
  command.add_option("--color", flags.color, "Colour: auto, always, never")
      ->transform(CLI::Validator(
          [](std::string& value) -> std::string {
            static const std::map<std::string, ColorMode> kModes = {{"auto", ColorMode::kAuto},
                                                                    {"always", ColorMode::kAlways},
                                                                    {"never", ColorMode::kNever}};
            std::string lower = value;
            for (char& c : lower) {
              c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            const auto it = kModes.find(lower);
            if (it == kModes.end()) return "must be auto, always or never, not '" + value + "'";
            value = std::to_string(static_cast<int>(it->second));
            return "";
          },
          "auto|always|never"));
  command.add_flag("--dry-run", flags.dry_run,
                   "Print the decision but exit 0 unless there is an error");
  command
      .add_option("--warn-exit-code", flags.warn_exit_code,
                  "Exit with this code (3-125) when the decision is warn; default 0")
      ->check(CLI::Range(3, 125));
}

void AddListingFormat(CLI::App& command, std::string& format, const std::string& choices) {
  command.add_option("--format", format, "Output format: " + choices);
}

void AddTimeBudget(CLI::App& command, std::optional<double>& seconds, const std::string& help) {
  command.add_option("--timeout", seconds, help)->check(CLI::PositiveNumber);
}

void AddMaxFileSize(CLI::App& command, std::optional<std::int64_t>& bytes,
                    const std::string& what) {
  command
      .add_option("--max-file-size", bytes,
                  what +
                      " larger than this many bytes are not scanned (each one is an "
                      "unscanned-file finding)")
      ->check(FileSizeValidator());
}

void AddRepoOption(CLI::App& command, std::string& repo) {
  command.add_option("--repo", repo,
                     "Repository folder (default: as git finds it from the environment)");
}

void AddPolicyOption(CLI::App& command, std::string& policy) {
  command.add_option("--policy", policy,
                     "Policy file (default: .riskgate.yaml at the repository root, else the "
                     "built-in default policy)");
}

}  // namespace riskgate::app
