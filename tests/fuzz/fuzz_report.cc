// Fuzz target: every output format with hostile paths, messages and rule ids (control bytes,
// newlines, invalid UTF-8). Oracles: JSON, SARIF and Code Quality parse as JSON; the text report
// to a terminal carries no raw control characters; workflow commands stay one per line.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "fuzz_input.h"
#include "report/report.h"

namespace {

// Prints the context of the first raw control byte, if any, and says whether there was one.
bool HasRawControl(std::string_view text, const char* format) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f) {
      const std::size_t from = i < 60 ? 0 : i - 60;
      std::fprintf(stderr, "%s: raw byte 0x%02x at %zu after: %.*s\n", format, u, i,
                   static_cast<int>(i - from), text.data() + from);
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto input = fuzz::AsText(data, size);
  const auto [path, rest] = fuzz::SplitAtNul(input);
  const auto [message, rule] = fuzz::SplitAtNul(rest);
  core::JudgedFinding finding;
  finding.control = "secrets";
  finding.rule = std::string(rule);
  finding.severity = core::Severity::kHigh;
  finding.decision = core::Decision::kBlock;
  finding.message = std::string(message);
  finding.location = {std::string(path), 3, 1, std::nullopt};
  finding.fingerprint = "0123456789abcdef0123456789abcdef";
  finding.remediation = {{core::RemedyKind::kFix, std::string(message), std::string(path)}};
  decide::Verdict verdict;
  verdict.decision = core::Decision::kBlock;
  verdict.summary.total = verdict.summary.block = 1;
  verdict.findings.push_back(finding);
  core::ScopeSummary scope;
  scope.detected_by = std::string(path);
  scope.skipped.push_back({std::string(path), core::SkipReason::kBinary, std::nullopt});
  const core::PolicySource policy{"builtin:default", "ab12", ""};
  const report::ReportInput report{verdict, scope, policy, false};
  for (const auto format :
       {report::Format::kJson, report::Format::kSarif, report::Format::kGitlab}) {
    const std::string out = report::Render(format, report, {});
    if (!nlohmann::json::accept(out)) __builtin_trap();
  }
  if (HasRawControl(report::Render(report::Format::kText, report, {}), "text")) __builtin_trap();
  report::Render(report::Format::kJunit, report, {});
  report::Render(report::Format::kMarkdown, report, {});
  const std::string github = report::Render(report::Format::kGithub, report, {});
  if (HasRawControl(github, "github")) __builtin_trap();
  return 0;
}
