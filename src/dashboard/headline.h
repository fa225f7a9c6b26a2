// Dashboard, shared by the HTML and Markdown writers: the figures people read first, derived
// from Metrics without changing it (the register's counts, overall time to remediate, adoption
// totals, the gate's block rate), and the names people read. No I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/metrics.h"

namespace riskgate::dashboard {

using ledger::kSeverityNames;

struct OpenCount {
  int open = 0;      // open risks of that severity, accepted ones too
  int accepted = 0;  // of which a waiver covers
};

struct RegisterCounts {
  std::array<OpenCount, kSeverityNames.size()> by_severity;  // in kSeverityNames order
  int open = 0;  // every risk of the register, whatever its severity
  int accepted = 0;
};

RegisterCounts CountRegister(const ledger::Metrics& metrics);

// The adoption counts summed over every repository.
struct AdoptionTotals {
  int repositories = 0;
  int reviews_on = 0;
  int uses = 0;
  int uses_pinned = 0;
  int workflows = 0;
  int workflows_with_permissions = 0;
  int images = 0;
  int images_pinned = 0;
};

AdoptionTotals SumAdoption(const ledger::AdoptionSummary& adoption);

// One headline figure: "Open critical risks", "3", "1 accepted".
struct HeadlineFigure {
  std::string label;
  std::string value;
  std::string note;
  std::string_view severity;  // the severity it counts, else empty
};

// The headline figures in reading order: open risks by severity, median days to remediate
// critical and high, high-tier threat-model coverage, SHA-pinned action uses, block rate,
// expired waivers.
std::vector<HeadlineFigure> HeadlineFigures(const ledger::Metrics& metrics);

// The time-to-remediate row of `severity` over every control, or null.
const ledger::RemediationRow* OverallRemediation(const ledger::Metrics& metrics,
                                                 std::string_view severity);

// The blocking share of a trend week's check runs; absent in a week without runs.
std::optional<double> WeekBlockRate(const ledger::TrendPoint& week);

// "secrets/aws-access-key": the risk's rule under its control, as people read it.
std::string RiskRule(const ledger::OpenRisk& risk);

// A status or name with its underscores as spaces ("too_long" -> "too long"), for people.
std::string Spaced(std::string_view name);

}  // namespace riskgate::dashboard
