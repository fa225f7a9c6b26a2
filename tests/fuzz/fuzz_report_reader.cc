// Fuzz target: riskgate's own JSON and SARIF reports read back for `riskgate merge` (a shard's
// report may be truncated or edited on its way). Oracles: a failed read always explains itself;
// what reads back, written again as JSON, reads back with the same findings.
#include "fuzz_input.h"
#include "report/report.h"
#include "report/report_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto input = fuzz::AsText(data, size);
  auto read = report::ReadAnyReport(input, "shard.json");
  if (!read) {
    if (read.error().message.empty()) __builtin_trap();
    return 0;
  }
  decide::Verdict verdict;
  verdict.decision = read->decision;
  verdict.findings = read->findings;
  const report::ReportInput again{verdict, read->scope, read->policy, false};
  auto reread = report::ReadJsonReport(report::Render(report::Format::kJson, again, {}), "again");
  if (!reread || reread->findings.size() != read->findings.size()) __builtin_trap();
  for (std::size_t i = 0; i < read->findings.size(); ++i) {
    if (reread->findings[i].fingerprint != read->findings[i].fingerprint) __builtin_trap();
    if (reread->findings[i].history.has_value() != read->findings[i].history.has_value()) {
      __builtin_trap();
    }
  }
  return 0;
}
