// Fuzz target: a report handed to `riskgate ledger ingest` (CI artifacts from anywhere), read,
// recorded in an in-memory ledger and turned into the dashboard's figures. Oracles: a refused
// report explains itself; an accepted one stores no string that looks like a secret and no
// pinned count above its total; ingesting it again changes nothing; the figures compute and
// render in every dashboard format, with no script element from a name.
#include "core/redact.h"
#include "core/text.h"
#include "dashboard/dashboard.h"
#include "fuzz_input.h"
#include "ledger/compute_metrics.h"
#include "ledger/ingest.h"
#include "ledger/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto input = fuzz::AsText(data, size);
  auto read = ledger::ReadLedgerReport(input, "artifact.json", "fuzz/repository", 1'900'000'000);
  if (!read) {
    if (read.error().message.empty()) __builtin_trap();
    return 0;
  }
  if (!*read) return 0;
  const ledger::LedgerReport& report = **read;
  for (const auto& f : report.findings) {
    for (const std::string* text :
         {&f.control, &f.rule, &f.path, &f.fingerprint, &f.waiver_owner}) {
      if (core::HoldsSecret(*text)) __builtin_trap();
    }
  }
  if (report.secure_defaults &&
      (report.secure_defaults->uses_pinned > report.secure_defaults->uses ||
       report.secure_defaults->images_pinned > report.secure_defaults->images)) {
    __builtin_trap();
  }
  auto db = ledger::SqliteDb::Open(":memory:", ledger::OpenMode::kReadWrite);
  if (!db || !ledger::Migrate(**db)) __builtin_trap();
  const std::string digest = core::Sha256Hex(input);
  auto first = ledger::Ingest(**db, report, digest, "artifact.json", 0);
  auto second = ledger::Ingest(**db, report, digest, "artifact.json", 0);
  if (!first || *first != ledger::IngestOutcome::kAdded || !second ||
      *second != ledger::IngestOutcome::kAlreadyPresent) {
    __builtin_trap();
  }
  auto rows = ledger::LoadRows(**db);
  if (!rows || rows->reports.size() != 1) __builtin_trap();
  const auto metrics = ledger::ComputeMetrics(*rows, 20'000);
  if (metrics.reports != 1) __builtin_trap();
  // Every format renders what the ledger stored; names stay text in HTML and Markdown.
  for (const auto format :
       {dashboard::DashboardFormat::kHtml, dashboard::DashboardFormat::kMarkdown,
        dashboard::DashboardFormat::kJson, dashboard::DashboardFormat::kCsv,
        dashboard::DashboardFormat::kOpenMetrics}) {
    const std::string text = dashboard::WriteDashboard(format, metrics);
    const bool markup = format == dashboard::DashboardFormat::kHtml ||
                        format == dashboard::DashboardFormat::kMarkdown;
    if (text.empty() || (markup && text.find("<script") != std::string::npos)) __builtin_trap();
  }
  return 0;
}
