#include "evaluate/threat_model/freshness.h"

#include "core/date.h"

namespace riskgate::evaluate::threat_model {
namespace {

constexpr long long kDay = 86400;

FreshnessVerdict Stale(std::string reason) { return FreshnessVerdict{false, std::move(reason)}; }

}  // namespace

FreshnessVerdict JudgeFreshness(const collect::ModelFile& model,
                                const collect::ComponentFacts& component,
                                const policy::ThreatModelControl& control, long long change_time) {
  if (model.changed) return FreshnessVerdict{true, ""};  // updated in this very change
  if (!model.last_updated) return Stale(model.path + " is not committed");
  const long long updated = *model.last_updated;
  if (control.freshness == policy::Freshness::kLastChange) {
    if (!component.last_code_change || *component.last_code_change <= updated) {
      return FreshnessVerdict{true, ""};
    }
    return Stale(model.path + " was last updated " +
                 core::FormatDate(core::DayOfUnixTime(updated)) +
                 ", before the component's code changed on " +
                 core::FormatDate(core::DayOfUnixTime(*component.last_code_change)));
  }
  const long long age = (change_time - updated) / kDay;
  if (age <= control.max_age_days) return FreshnessVerdict{true, ""};
  return Stale(model.path + " was last updated " + std::to_string(age) + " days ago (" +
               core::FormatDate(core::DayOfUnixTime(updated)) + "; at most " +
               std::to_string(control.max_age_days) + " allowed)");
}

}  // namespace riskgate::evaluate::threat_model
