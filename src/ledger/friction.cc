// Gate friction: decisions of check runs, blocks later waived, time a change stays blocked.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/severity.h"
#include "ledger/compute_metrics.h"

namespace riskgate::ledger {
namespace {

int DecisionRank(const std::string& decision) {
  return static_cast<int>(core::ParseDecision(decision).value_or(core::Decision::kPass));
}

void Tally(FrictionRow& row, const std::string& decision) {
  ++row.runs;
  row.block += decision == "block";
  row.warn += decision == "warn";
  row.pass += decision != "block" && decision != "warn";
}

// One change's runs: a pull or merge request, or a branch's staged and range runs.
std::string StreamOf(const ReportRow& report) {
  return report.repository + '\n' + (report.change.empty() ? report.commit : report.change);
}

bool JudgesAChange(const ReportRow& report) {
  return report.kind == "check" && report.scope_mode != "worktree";
}

}  // namespace

GateFriction MeasureFriction(const LedgerRows& rows) {
  GateFriction out;
  std::map<std::string, FrictionRow> by_repository, by_rule;
  std::set<std::tuple<std::string, std::string, std::string>> blocked;  // stream, rule, print
  std::set<std::tuple<std::string, std::string, std::string>> waived;
  std::map<std::string, long long> blocked_since;  // stream -> first blocking run
  std::vector<double> blocked_days;
  std::size_t next = 0;
  for (std::size_t r = 0; r < rows.reports.size(); ++r) {
    const ReportRow& report = rows.reports[r];
    const std::size_t begin = next;
    while (next < rows.findings.size() && rows.findings[next].report == r) ++next;
    if (report.kind != "check") continue;
    ++out.runs;
    out.block += report.decision == "block";
    out.warn += report.decision == "warn";
    out.pass += report.decision != "block" && report.decision != "warn";
    FrictionRow& repository = by_repository[report.repository];
    repository.repository = report.repository;
    Tally(repository, report.decision);
    std::map<std::string, std::string> worst;  // rule -> worst decision in this run
    const std::string stream = StreamOf(report);
    for (std::size_t i = begin; i < next; ++i) {
      const FindingRow& f = rows.findings[i];
      const std::string rule = f.control + "/" + f.rule;
      auto& decision = worst[rule];
      if (DecisionRank(f.decision) >= DecisionRank(decision)) decision = f.decision;
      if (!JudgesAChange(report)) continue;
      const auto key = std::make_tuple(stream, rule, f.fingerprint);
      if (f.decision == "block") blocked.insert(key);
      const bool accepted = f.waiver_status == "active" || f.waiver_status == "expiring";
      if (accepted && blocked.count(key) && waived.insert(key).second) {
        ++out.blocks_later_waived;
        ++by_rule[rule].later_waived;
        ++repository.later_waived;
      }
    }
    for (const auto& [rule, decision] : worst) {
      FrictionRow& row = by_rule[rule];
      row.rule = rule;
      Tally(row, decision);
    }
    if (!JudgesAChange(report)) continue;
    auto since = blocked_since.find(stream);
    if (report.decision == "block") {
      if (since == blocked_since.end()) blocked_since.emplace(stream, report.time);
    } else if (since != blocked_since.end()) {
      blocked_days.push_back(static_cast<double>(report.time - since->second) / kSecondsPerDay);
      blocked_since.erase(since);
    }
  }
  out.time_blocked = SpreadOf(std::move(blocked_days));
  out.changes_still_blocked = static_cast<int>(blocked_since.size());
  auto most_blocks = [](const FrictionRow& a, const FrictionRow& b) {
    return std::tie(a.block, a.warn, a.runs) > std::tie(b.block, b.warn, b.runs);
  };
  for (auto& [name, row] : by_repository) out.by_repository.push_back(std::move(row));
  for (auto& [name, row] : by_rule) out.by_rule.push_back(std::move(row));
  std::stable_sort(out.by_repository.begin(), out.by_repository.end(), most_blocks);
  std::stable_sort(out.by_rule.begin(), out.by_rule.end(), most_blocks);
  return out;
}

}  // namespace riskgate::ledger
