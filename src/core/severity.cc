#include "core/severity.h"

#include <array>
#include <utility>

namespace riskgate::core {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 5> kSeverityNames = {{
    {Severity::kInfo, "info"},
    {Severity::kLow, "low"},
    {Severity::kMedium, "medium"},
    {Severity::kHigh, "high"},
    {Severity::kCritical, "critical"},
}};

constexpr std::array<std::pair<Confidence, std::string_view>, 3> kConfidenceNames = {{
    {Confidence::kLow, "low"},
    {Confidence::kMedium, "medium"},
    {Confidence::kHigh, "high"},
}};

constexpr std::array<std::pair<Decision, std::string_view>, 3> kDecisionNames = {{
    {Decision::kPass, "pass"},
    {Decision::kWarn, "warn"},
    {Decision::kBlock, "block"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum e) {
  for (const auto& [value, name] : names) {
    if (value == e) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view SeverityName(Severity severity) { return NameOf(kSeverityNames, severity); }
std::optional<Severity> ParseSeverity(std::string_view name) {
  return ValueOf(kSeverityNames, name);
}
std::string_view DecisionName(Decision decision) { return NameOf(kDecisionNames, decision); }
std::optional<Decision> ParseDecision(std::string_view name) {
  return ValueOf(kDecisionNames, name);
}

std::string_view ConfidenceName(Confidence confidence) {
  return NameOf(kConfidenceNames, confidence);
}
std::optional<Confidence> ParseConfidence(std::string_view name) {
  return ValueOf(kConfidenceNames, name);
}

}  // namespace riskgate::core
