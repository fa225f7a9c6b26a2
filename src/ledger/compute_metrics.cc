#include "ledger/compute_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/severity.h"

namespace riskgate::ledger {
namespace {

// Severities order by core::Severity; a name the ledger never stores ranks below them all.
int SeverityRank(const std::string& severity) {
  const auto parsed = core::ParseSeverity(severity);
  return parsed ? static_cast<int>(*parsed) : -1;
}

std::vector<OpenRisk> Register(const std::vector<Episode>& episodes, const LedgerRows& rows,
                               double now) {
  // Owners of threat-model components, from each repository's latest status.
  std::set<std::size_t> latest;
  for (std::size_t index : LatestPerRepository(rows, "threat-model-status")) latest.insert(index);
  std::map<std::pair<std::string, std::string>, std::string> component_owners;
  for (const auto& c : rows.components) {
    if (latest.count(c.report))
      component_owners[{rows.reports[c.report].repository, c.name}] = c.owners;
  }
  std::vector<OpenRisk> out;
  for (const auto& e : episodes) {
    if (!e.IsOpen()) continue;
    OpenRisk risk;
    risk.repository = e.repository;
    risk.control = e.control;
    risk.rule = e.rule;
    risk.severity = e.severity;
    risk.path = e.path;
    risk.fingerprint = e.fingerprint;
    risk.first_seen = core::FormatDate(core::DayOfUnixTime(e.first_seen));
    risk.age_days = std::max(0.0, (now - static_cast<double>(e.first_seen)) / kSecondsPerDay);
    risk.status = e.Accepted() ? "accepted" : "open";
    if (e.Accepted()) {
      risk.owner = e.waiver_owner;
      risk.waiver_id = e.waiver_id;
      risk.expires = e.waiver_expires;
    } else if (!e.component.empty()) {
      auto found = component_owners.find({e.repository, e.component});
      if (found != component_owners.end()) risk.owner = found->second;
    }
    out.push_back(std::move(risk));
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenRisk& a, const OpenRisk& b) {
    if (SeverityRank(a.severity) != SeverityRank(b.severity)) {
      return SeverityRank(a.severity) > SeverityRank(b.severity);
    }
    if (a.first_seen != b.first_seen) return a.first_seen < b.first_seen;
    return std::tie(a.repository, a.control, a.rule, a.fingerprint) <
           std::tie(b.repository, b.control, b.rule, b.fingerprint);
  });
  return out;
}

std::vector<RepositoryRisk> WorstRepositories(const LedgerRows& rows,
                                              const std::vector<OpenRisk>& risks,
                                              const ExceptionAging& exceptions) {
  std::map<std::string, RepositoryRisk> by_name;
  for (const auto& report : rows.reports) {
    auto& r = by_name[report.repository];
    r.repository = report.repository;
    r.last_run = core::FormatDate(core::DayOfUnixTime(report.time));  // reports are in order
  }
  for (const auto& risk : risks) {
    if (risk.status != "open") continue;
    auto& r = by_name[risk.repository];
    if (risk.severity == "critical") ++r.critical;
    if (risk.severity == "high") ++r.high;
    if (risk.severity == "medium") ++r.medium;
    if (risk.severity == "low") ++r.low;
    if (risk.severity == "info") ++r.info;
  }
  for (const auto& e : exceptions.oldest) {
    if (e.status == "expired") ++by_name[e.repository].expired_waivers;
  }
  std::vector<RepositoryRisk> out;
  for (auto& [name, r] : by_name) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(), [](const RepositoryRisk& a, const RepositoryRisk& b) {
    return std::tie(a.critical, a.high, a.medium, a.low, a.expired_waivers, a.info) >
           std::tie(b.critical, b.high, b.medium, b.low, b.expired_waivers, b.info);
  });
  return out;
}

}  // namespace

Spread SpreadOf(std::vector<double> days) {
  Spread out;
  out.count = static_cast<int>(days.size());
  if (days.empty()) return out;
  std::sort(days.begin(), days.end());
  const std::size_t n = days.size();
  out.median_days = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
  const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(n) - 1e-9));
  out.p90_days = days[std::max<std::size_t>(rank, 1) - 1];
  return out;
}

std::vector<std::size_t> LatestPerRepository(const LedgerRows& rows, std::string_view kind) {
  std::map<std::string, std::size_t> latest;
  for (std::size_t i = 0; i < rows.reports.size(); ++i) {
    if (rows.reports[i].kind == kind) latest[rows.reports[i].repository] = i;
  }
  std::vector<std::size_t> out;
  for (const auto& [name, index] : latest) out.push_back(index);
  return out;
}

Metrics ComputeMetrics(const LedgerRows& rows, core::Day today) {
  Metrics m;
  m.now = core::FormatDate(today);
  const double now = static_cast<double>(today) * kSecondsPerDay + kSecondsPerDay / 2;
  std::set<std::string> repositories;
  for (const auto& r : rows.reports) repositories.insert(r.repository);
  m.repositories = static_cast<int>(repositories.size());
  m.reports = static_cast<int>(rows.reports.size());
  if (!rows.reports.empty()) {
    m.first_run = core::FormatDate(core::DayOfUnixTime(rows.reports.front().time));
    m.last_run = core::FormatDate(core::DayOfUnixTime(rows.reports.back().time));
  }
  const std::vector<Episode> episodes = FindingEpisodes(rows);
  m.remediation = RemediationTable(episodes, now);
  m.open_risks = Register(episodes, rows, now);
  m.exceptions = AgeExceptions(rows, today);
  m.threat_models = CoverThreatModels(rows);
  m.adoption = CountAdoption(rows);
  m.friction = MeasureFriction(rows);
  m.trend = Trend(rows, episodes, today);
  m.worst_repositories = WorstRepositories(rows, m.open_risks, m.exceptions);
  return m;
}

}  // namespace riskgate::ledger
