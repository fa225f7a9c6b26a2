// App: the command-line flags several commands share, each group declared once here. CLI11
// stays in app/ (this file's .cc and commands.cc include it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/report_outputs.h"

namespace CLI {
class App;
}

namespace riskgate::app {

// --format/--output (paired as written), --color, --dry-run and --warn-exit-code.
void AddReportFlags(CLI::App& command, ReportFlags& flags);

// --timeout SECONDS: the wall-clock budget past which the run fails closed.
// `--format` of a command that writes one listing (waivers, policy show, explain, threat-model
// status): `choices` says which formats it knows; the command checks the value.
void AddListingFormat(CLI::App& command, std::string& format, const std::string& choices);

void AddTimeBudget(CLI::App& command, std::optional<double>& seconds, const std::string& help);

// --max-file-size BYTES, at least 1 (0 or less would skip every file). `what`: "Files", "Blobs".
void AddMaxFileSize(CLI::App& command, std::optional<std::int64_t>& bytes, const std::string& what);

// --repo FOLDER and --policy FILE, as every command that reads a repository names them.
void AddRepoOption(CLI::App& command, std::string& repo);
void AddPolicyOption(CLI::App& command, std::string& policy);

}  // namespace riskgate::app
