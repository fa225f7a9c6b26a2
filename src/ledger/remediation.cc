// Time to remediate, per severity over every control and per severity and control.
#include <algorithm>
#include <map>

#include "ledger/compute_metrics.h"

namespace riskgate::ledger {

std::vector<RemediationRow> RemediationTable(const std::vector<Episode>& episodes, double now) {
  struct Durations {
    std::vector<double> remediated;
    std::vector<double> open;
  };
  std::map<std::pair<std::string, std::string>, Durations> by;  // (severity, control)
  for (const auto& e : episodes) {
    if (e.closed_at_unknown_time) continue;
    const double start = static_cast<double>(e.first_seen);
    for (const std::string& control : {std::string(), e.control}) {
      auto& d = by[{e.severity, control}];
      if (e.closed) {
        d.remediated.push_back(
            std::max(0.0, (static_cast<double>(*e.closed) - start) / kSecondsPerDay));
      } else {
        d.open.push_back(std::max(0.0, (now - start) / kSecondsPerDay));
      }
    }
  }
  std::vector<RemediationRow> out;
  for (const bool per_control : {false, true}) {
    for (const std::string_view name : kSeverityNames) {
      const std::string severity(name);
      for (const auto& [key, d] : by) {
        if (key.first != severity || key.second.empty() == per_control) continue;
        out.push_back(
            RemediationRow{key.first, key.second, SpreadOf(d.remediated), SpreadOf(d.open)});
      }
      if (!per_control && !by.count({severity, ""})) {
        out.push_back(RemediationRow{severity, "", Spread{}, Spread{}});
      }
    }
  }
  return out;
}

}  // namespace riskgate::ledger
