#include "dashboard/headline.h"

#include "dashboard/format_number.h"

namespace riskgate::dashboard {
namespace {

HeadlineFigure MedianFigure(const ledger::Metrics& metrics, std::string_view severity) {
  const auto* row = OverallRemediation(metrics, severity);
  HeadlineFigure out{"Median days to remediate " + std::string(severity),
                     FormatDays(row ? row->remediated.median_days : std::nullopt),
                     "none remediated yet",
                     {}};
  if (row != nullptr && row->remediated.count > 0) {
    out.note = "over " + std::to_string(row->remediated.count) + " remediated";
  }
  return out;
}

}  // namespace

RegisterCounts CountRegister(const ledger::Metrics& metrics) {
  RegisterCounts out;
  for (const auto& risk : metrics.open_risks) {
    const bool accepted = risk.status == "accepted";
    ++out.open;
    if (accepted) ++out.accepted;
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
      if (risk.severity != kSeverityNames[i]) continue;
      ++out.by_severity[i].open;
      if (accepted) ++out.by_severity[i].accepted;
    }
  }
  return out;
}

AdoptionTotals SumAdoption(const ledger::AdoptionSummary& adoption) {
  AdoptionTotals out;
  for (const auto& r : adoption.repositories) {
    ++out.repositories;
    if (r.reviews_on) ++out.reviews_on;
    out.uses += r.uses_total;
    out.uses_pinned += r.uses_pinned;
    out.workflows += r.workflows_total;
    out.workflows_with_permissions += r.workflows_with_permissions;
    out.images += r.images_total;
    out.images_pinned += r.images_pinned;
  }
  return out;
}

std::vector<HeadlineFigure> HeadlineFigures(const ledger::Metrics& metrics) {
  std::vector<HeadlineFigure> out;
  const RegisterCounts counts = CountRegister(metrics);
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
    const auto& count = counts.by_severity[i];
    out.push_back(
        {"Open " + std::string(kSeverityNames[i]) + " risks", std::to_string(count.open),
         count.accepted == 0 ? "none accepted" : std::to_string(count.accepted) + " accepted",
         kSeverityNames[i]});
  }
  out.push_back(MedianFigure(metrics, "critical"));
  out.push_back(MedianFigure(metrics, "high"));
  const auto& models = metrics.threat_models;
  out.push_back({"High-tier threat-model coverage",
                 FormatPercent(models.share),
                 models.high_tier_total == 0
                     ? "no high-tier components"
                     : std::to_string(models.high_tier_covered) + " of " +
                           std::to_string(models.high_tier_total) + " components",
                 {}});
  const AdoptionTotals adoption = SumAdoption(metrics.adoption);
  out.push_back({"Action uses pinned to a SHA",
                 FormatPercent(metrics.adoption.uses_pinned_share),
                 adoption.uses == 0 ? "no action uses counted"
                                    : std::to_string(adoption.uses_pinned) + " of " +
                                          std::to_string(adoption.uses) + " uses",
                 {}});
  const auto& friction = metrics.friction;
  out.push_back({"Gate block rate",
                 FormatPercent(Share(friction.block, friction.runs)),
                 friction.runs == 0 ? "no check runs"
                                    : std::to_string(friction.block) + " of " +
                                          std::to_string(friction.runs) + " check runs blocked",
                 {}});
  out.push_back({"Expired waivers",
                 std::to_string(metrics.exceptions.expired),
                 "of " + std::to_string(metrics.exceptions.total) + " waivers",
                 {}});
  return out;
}

const ledger::RemediationRow* OverallRemediation(const ledger::Metrics& metrics,
                                                 std::string_view severity) {
  for (const auto& row : metrics.remediation) {
    if (row.control.empty() && row.severity == severity) return &row;
  }
  return nullptr;
}

std::optional<double> WeekBlockRate(const ledger::TrendPoint& week) {
  return Share(week.blocked_runs, week.runs);
}

std::string RiskRule(const ledger::OpenRisk& risk) {
  if (risk.control.empty()) return risk.rule;
  return risk.control + "/" + risk.rule;
}

std::string Spaced(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

}  // namespace riskgate::dashboard
