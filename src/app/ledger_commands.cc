#include "app/ledger_commands.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "collect/safe_read.h"
#include "core/redact.h"
#include "core/text.h"
#include "dashboard/dashboard.h"
#include "ledger/compute_metrics.h"
#include "ledger/ingest.h"
#include "ledger/ledger_rows.h"
#include "ledger/schema.h"
#include "run/judge_change.h"

namespace riskgate::app {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string path;
  bool named = false;  // named on the command line, not found in a folder
};

// The files named, and every *.json file below the folders named (symlinks not followed),
// each folder's in path order so that ingest order does not depend on the file system.
core::Result<std::vector<Input>> Inputs(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) {
      return core::MakeError(core::ErrorCode::kUsage, "no such file or folder", path);
    }
    if (!fs::is_directory(status)) {
      out.push_back(Input{path, true});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const auto& entry = *it;
      if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
      if (entry.path().extension() == ".json") found.push_back(entry.path().string());
    }
    if (ec) return core::MakeError(core::ErrorCode::kIo, "cannot list: " + ec.message(), path);
    std::sort(found.begin(), found.end());
    for (auto& file : found) out.push_back(Input{std::move(file), false});
  }
  return out;
}

}  // namespace

int RunLedgerIngest(const LedgerIngestOptions& options) {
  auto inputs = Inputs(options.inputs);
  if (!inputs) return Fail(inputs.error());
  auto db = ledger::OpenLedger(options.db, ledger::OpenMode::kReadWrite);
  if (!db) return Fail(db.error());
  const long long now = run::NowSeconds();
  int added = 0, known = 0, skipped = 0, refused = 0;
  for (const auto& input : *inputs) {
    auto text = collect::ReadFileBounded(
        input.path, collect::ReadLimits{static_cast<std::int64_t>(ledger::kMaxReportBytes)});
    core::Result<std::optional<ledger::LedgerReport>> report =
        text ? ledger::ReadLedgerReport(*text, input.path, options.repository, now)
             : core::Result<std::optional<ledger::LedgerReport>>(tl::unexpected(text.error()));
    if (report && !*report && input.named) {
      report = core::MakeError(core::ErrorCode::kUsage,
                               "not a riskgate report (no \"tool\": {\"name\": \"riskgate\"})",
                               input.path);
    }
    if (!report) {
      (void)Fail(report.error());  // printed; the next report is still read
      ++refused;
      continue;
    }
    if (!*report) {
      ++skipped;
      continue;
    }
    // The path is the CI platform's artifact name: kept only redacted.
    auto outcome = ledger::Ingest(**db, **report, core::Sha256Hex(*text),
                                  core::RedactSecrets(input.path), now);
    if (!outcome) return Fail(outcome.error());  // the database itself failed: stop
    (*outcome == ledger::IngestOutcome::kAdded ? added : known)++;
  }
  std::cout << "ledger " << options.db << ": " << added << " report(s) added, " << known
            << " already recorded";
  if (skipped > 0) std::cout << ", " << skipped << " JSON file(s) that are not riskgate reports";
  std::cout << "\n";
  if (refused > 0) {
    return Fail(std::to_string(refused) + " report(s) refused (above); the others are recorded");
  }
  return kExitPass;
}

int RunLedgerSchema() {
  std::cout << ledger::SchemaScript() << std::flush;
  return std::cout ? kExitPass : Fail("cannot write to standard output");
}

int RunDashboard(const DashboardOptions& options) {
  const auto format = dashboard::ParseDashboardFormat(options.format);
  if (!format) {
    return Fail("--format must be html, markdown, json, csv or openmetrics, not '" +
                options.format + "'");
  }
  auto today = run::Today();
  if (!today) return Fail(today.error());
  auto db = ledger::OpenLedger(options.db, ledger::OpenMode::kReadOnly);
  if (!db) return Fail(db.error());
  auto rows = ledger::LoadRows(**db);
  if (!rows) return Fail(rows.error());
  const ledger::Metrics metrics = ledger::ComputeMetrics(*rows, *today);
  const std::string text = dashboard::WriteDashboard(*format, metrics);
  if (options.output == "-") {
    std::cout << text << std::flush;
    return std::cout ? kExitPass : Fail("cannot write to standard output");
  }
  if (auto written = WriteFileAtomically(options.output, text); !written) {
    return Fail(written.error());
  }
  return kExitPass;
}

}  // namespace riskgate::app
