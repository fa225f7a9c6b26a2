// Stage 0 (core): severities and decisions, the vocabulary every stage shares. No I/O.
#pragma once

#include <optional>
#include <string_view>

namespace riskgate::core {

// Ordered from least to most severe; comparisons rely on the order.
enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

// Ordered from least to most restrictive; the run's decision is the maximum.
enum class Decision { kPass, kWarn, kBlock };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

std::string_view DecisionName(Decision decision);
std::optional<Decision> ParseDecision(std::string_view name);

}  // namespace riskgate::core
