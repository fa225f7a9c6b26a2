// Ledger: the security program's numbers from the ledger's rows, as docs/metrics.md defines
// them. Input: rows (ledger_rows.h) and today; output: ledger::Metrics. Pure: no I/O, no clock.
#pragma once

#include <vector>

#include "core/date.h"
#include "ledger/episodes.h"
#include "ledger/ledger_rows.h"
#include "ledger/metrics.h"

namespace riskgate::ledger {

Metrics ComputeMetrics(const LedgerRows& rows, core::Day today);

// Median (the middle value, or the mean of the two middle values) and 90th percentile (nearest
// rank: the value at rank ceil(0.9 n) of the sorted values) of durations in days.
Spread SpreadOf(std::vector<double> days);

// The sections, each in its own file.
std::vector<RemediationRow> RemediationTable(const std::vector<Episode>& episodes, double now);
ExceptionAging AgeExceptions(const LedgerRows& rows, core::Day today);
ThreatModelCoverage CoverThreatModels(const LedgerRows& rows);
AdoptionSummary CountAdoption(const LedgerRows& rows);
GateFriction MeasureFriction(const LedgerRows& rows);
std::vector<TrendPoint> Trend(const LedgerRows& rows, const std::vector<Episode>& episodes,
                              core::Day today);

// The latest report of each repository with `kind` (index into rows.reports), by repository.
std::vector<std::size_t> LatestPerRepository(const LedgerRows& rows, std::string_view kind);

inline constexpr double kSecondsPerDay = 86400.0;

}  // namespace riskgate::ledger
