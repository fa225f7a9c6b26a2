// Weekly trend lines: open findings, opened and remediated, active waivers, runs and blocks.
#include <algorithm>
#include <map>

#include "ledger/compute_metrics.h"

namespace riskgate::ledger {
namespace {

constexpr int kWeeks = 26;

// The Monday on or before `day` (1970-01-05 was a Monday).
core::Day WeekOf(core::Day day) { return day - (((day - 4) % 7) + 7) % 7; }

}  // namespace

std::vector<TrendPoint> Trend(const LedgerRows& rows, const std::vector<Episode>& episodes,
                              core::Day today) {
  std::vector<TrendPoint> out;
  if (rows.reports.empty()) return out;
  const core::Day last = WeekOf(today);
  const core::Day first =
      std::max(WeekOf(core::DayOfUnixTime(rows.reports.front().time)), last - 7 * (kWeeks - 1));
  for (core::Day week = first; week <= last; week += 7) {
    TrendPoint point;
    point.week = core::FormatDate(week);
    const long long start = week * 86400;
    const long long end = (week + 7) * 86400;
    for (const auto& e : episodes) {
      if (e.closed_at_unknown_time) continue;
      if (e.first_seen < end && (!e.closed || *e.closed >= end)) ++point.open_findings;
      if (e.first_seen >= start && e.first_seen < end) ++point.opened;
      if (e.closed && *e.closed >= start && *e.closed < end) ++point.remediated;
    }
    // Each repository's latest register written before the week ended.
    std::map<std::string, std::size_t> latest;
    for (std::size_t i = 0; i < rows.reports.size(); ++i) {
      const ReportRow& report = rows.reports[i];
      if (report.time >= end) break;
      if (report.kind == "waivers") latest[report.repository] = i;
      if (report.kind != "check" || report.time < start) continue;
      ++point.runs;
      point.blocked_runs += report.decision == "block";
    }
    const core::Day at = std::min(week + 6, today);
    for (const auto& w : rows.waivers) {
      auto found = latest.find(rows.reports[w.report].repository);
      if (found == latest.end() || found->second != w.report) continue;
      const auto created = core::ParseDate(w.created);
      const auto expires = core::ParseDate(w.expires);
      if (created && expires && *created <= at && *expires >= at) ++point.active_waivers;
    }
    out.push_back(point);
  }
  return out;
}

}  // namespace riskgate::ledger
