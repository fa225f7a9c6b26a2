// GitHub workflow commands for a step's log. Annotations come first, escaped, because commands
// inside a stop-commands block are ignored. The text report, which echoes file paths and rule
// text an attacker may control, comes after, inside `::stop-commands::<token>` ... `::<token>::`
// with a token nobody can predict, so nothing in it can be read as a command.
#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/text.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/text_escape.h"

namespace riskgate::report {
namespace {

// GitHub renders about 10 annotations per step; the rest are noise in the log.
constexpr std::size_t kMaxAnnotations = 50;

std::string_view Command(core::Decision decision) {
  switch (decision) {
    case core::Decision::kBlock:
      return "error";
    case core::Decision::kWarn:
      return "warning";
    case core::Decision::kPass:
      return "notice";
  }
  return "warning";
}

std::string Annotation(const core::JudgedFinding& f) {
  std::string out = "::" + std::string(Command(f.decision)) + " ";
  if (!f.location.path.empty()) {
    out += "file=" + WorkflowProperty(f.location.path) +
           ",line=" + std::to_string(DisplayLine(f.location)) +
           ",col=" + std::to_string(DisplayColumn(f.location)) + ",";
  }
  out += "title=" + WorkflowProperty(std::string(kToolName) + ": " + f.rule + " (" +
                                     std::string(core::SeverityName(f.severity)) + ")");
  return out + "::" + WorkflowData(HeadlineWithFix(f)) + "\n";
}

bool IsValidToken(std::string_view token) {
  return token.size() >= 16 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

}  // namespace

std::string NewStopToken() {
  auto token = core::RandomHex(16);
  // No output without an unguessable token: a finding's text could end the stop-commands block.
  if (!token) throw std::runtime_error("no random bytes for the GitHub stop-commands token");
  return *token;
}

std::string WriteGithub(const ReportInput& input, std::string_view stop_token) {
  const std::string token = IsValidToken(stop_token) ? std::string(stop_token) : NewStopToken();
  std::vector<const core::JudgedFinding*> ordered;
  for (const auto& f : input.verdict.findings) ordered.push_back(&f);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    if (a->decision != b->decision) return a->decision > b->decision;
    return a->severity > b->severity;
  });

  std::ostringstream out;
  const std::size_t shown = std::min(ordered.size(), kMaxAnnotations);
  for (std::size_t i = 0; i < shown; ++i) out << Annotation(*ordered[i]);
  if (ordered.size() > shown) {
    out << "::warning::" << ordered.size() - shown << " more findings: see the job summary\n";
  }
  out << "::group::riskgate findings\n"
      << "::stop-commands::" << token << "\n"
      << WriteText(input, TextStyle{false}) << "::" << token << "::\n"
      << "::endgroup::\n";
  return out.str();
}

}  // namespace riskgate::report
