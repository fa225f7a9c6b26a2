// GitLab Code Quality JSON (artifacts:reports:codequality). GitLab matches issues between the
// source and target branch by fingerprint, so it must be stable (no line number) and unique.
#include <map>

#include "core/json_out.h"
#include "core/text.h"
#include "report/finding_text.h"
#include "report/report.h"

namespace riskgate::report {
namespace {

using core::JsonOut;

std::string_view CodeQualitySeverity(const core::JudgedFinding& f) {
  switch (f.decision) {
    case core::Decision::kBlock:
      return f.severity == core::Severity::kCritical ? "blocker" : "critical";
    case core::Decision::kWarn:
      return "major";
    case core::Decision::kPass:
      return "info";
  }
  return "major";
}

// The finding's fingerprint (rule, path, secret: no line); a second sighting of the same
// fingerprint (the same secret twice in one file) gets a hash of it, the path and its index.
std::string UniqueFingerprint(const core::JudgedFinding& f, std::map<std::string, int>& seen) {
  std::string base = f.fingerprint;
  if (base.empty()) {
    base = core::Sha256Hex(f.control + '\0' + f.rule + '\0' + f.location.path).substr(0, 32);
  }
  const int index = seen[base]++;
  if (index == 0) return base;
  return core::Sha256Hex(base + '\0' + f.location.path + '\0' + std::to_string(index))
      .substr(0, 32);
}

}  // namespace

std::string WriteGitlab(const ReportInput& input) {
  JsonOut issues = JsonOut::Array();
  std::map<std::string, int> seen;
  for (const auto& f : input.verdict.findings) {
    const JsonOut lines = JsonOut::Object({{"begin", DisplayLine(f.location)}});
    issues.Push(JsonOut::Object({
        {"type", "issue"},
        {"check_name", f.rule},
        {"description", HeadlineWithFix(f)},
        {"categories", JsonOut::Array({"Security"})},
        {"severity", CodeQualitySeverity(f)},
        {"fingerprint", UniqueFingerprint(f, seen)},
        {"location", JsonOut::Object({{"path", f.location.path}, {"lines", lines}})},
    }));
  }
  return issues.Dump(2) + "\n";
}

}  // namespace riskgate::report
