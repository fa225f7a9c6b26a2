// Stage 0 (core): severities and decisions, the vocabulary every stage shares. No I/O.
#pragma once

#include <optional>
#include <string_view>

namespace riskgate::core {

// Ordered from least to most severe; comparisons rely on the order.
enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

// Ordered from least to most restrictive; the run's decision is the maximum.
enum class Decision { kPass, kWarn, kBlock };

// How sure a finding is that it names what its rule says (a secrets finding: a live credential
// of that provider). Ordered from least to most sure.
//   high    a prefix only that provider issues, or a checksum that holds
//   medium  a provider's shape that other text can share
//   low     a generic or entropy-only rule, a checksum that fails, or a placeholder-like value
enum class Confidence { kLow, kMedium, kHigh };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

std::string_view DecisionName(Decision decision);
std::optional<Decision> ParseDecision(std::string_view name);

std::string_view ConfidenceName(Confidence confidence);
std::optional<Confidence> ParseConfidence(std::string_view name);

}  // namespace riskgate::core
