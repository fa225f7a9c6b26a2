#include "report/report.h"

#include <array>
#include <string>
#include <utility>

#include "report/redacted.h"

namespace riskgate::report {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 7> kFormatNames = {{
    {Format::kText, "text"},
    {Format::kJson, "json"},
    {Format::kSarif, "sarif"},
    {Format::kJunit, "junit"},
    {Format::kGitlab, "gitlab"},
    {Format::kGithub, "github"},
    {Format::kMarkdown, "markdown"},
}};

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  for (const auto& [format, format_name] : kFormatNames) {
    if (format_name == name) return format;
  }
  return std::nullopt;
}

std::string_view FormatNames() {
  static const std::string names = [] {
    std::string out;
    for (const auto& [format, name] : kFormatNames)
      out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
  }();
  return names;
}

std::string_view ToolVersion() { return RISKGATE_VERSION; }

std::string_view ToolHomepage() { return RISKGATE_HOMEPAGE; }

std::string Render(Format format, const ReportInput& raw, const TextStyle& style) {
  // The one way to a document: every writer sees the redacted copies only.
  const decide::Verdict verdict = RedactedVerdict(raw.verdict);
  const core::ScopeSummary scope = RedactedScope(raw.scope);
  const core::PolicySource policy = RedactedPolicySource(raw.policy);
  const std::optional<core::RunIdentity> run =
      raw.run != nullptr ? std::optional(RedactedRun(*raw.run)) : std::nullopt;
  const ReportInput input{verdict,
                          scope,
                          policy,
                          raw.dry_run,
                          run ? &*run : nullptr,
                          raw.controls_on,
                          raw.secure_defaults};
  switch (format) {
    case Format::kText:
      return WriteText(input, style);
    case Format::kJson:
      return WriteJson(input);
    case Format::kSarif:
      return WriteSarif(input);
    case Format::kJunit:
      return WriteJunit(input);
    case Format::kGitlab:
      return WriteGitlab(input);
    case Format::kGithub:
      return WriteGithub(input, NewStopToken());
    case Format::kMarkdown:
      return WriteMarkdown(input);
  }
  return {};
}

}  // namespace riskgate::report
