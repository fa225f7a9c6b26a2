#include "evaluate/threat_model/freshness.h"

#include "core/date.h"

namespace riskgate::evaluate::threat_model {
namespace {

constexpr long long kDay = 86400;
// How far a trusted commit's date may run ahead of the clock (skew between machines) before it
// is taken for a forged date rather than a recent one.
constexpr long long kClockSkew = kDay;

FreshnessVerdict Stale(std::string reason) { return FreshnessVerdict{false, std::move(reason)}; }

// The text without whitespace and digits: what an edit must change to be more than a bumped
// date, a renumbered list or a reflowed paragraph.
std::string Substance(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c >= '0' && c <= '9') continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace

bool IsModelUpdate(std::string_view before, std::string_view after) {
  return Substance(before) != Substance(after);
}

bool UpdatedByChange(const collect::ModelFile& model) {
  if (!model.changed || !model.content) return false;
  if (!model.base_content) return true;  // the change adds it
  return IsModelUpdate(*model.base_content, *model.content);
}

FreshnessVerdict JudgeFreshness(const collect::ModelFile& model,
                                const collect::ComponentFacts& component,
                                const policy::ThreatModelControl& control, long long change_time) {
  if (UpdatedByChange(model)) return FreshnessVerdict{true, ""};  // updated in this very change
  const std::string edited = model.changed
                                 ? " (this change edits only its whitespace or numbers, such as a "
                                   "date, which is no review)"
                                 : "";
  if (!model.last_updated) return Stale(model.path + " is not committed" + edited);
  const long long updated = *model.last_updated;
  if (updated > change_time + kClockSkew) {
    return Stale(model.path + " was last updated by a commit dated " +
                 core::FormatDate(core::DayOfUnixTime(updated)) +
                 ", in the future, so its age cannot be told" + edited);
  }
  if (control.freshness == policy::Freshness::kLastChange) {
    if (!component.last_code_change || *component.last_code_change <= updated) {
      return FreshnessVerdict{true, ""};
    }
    return Stale(model.path + " was last updated " +
                 core::FormatDate(core::DayOfUnixTime(updated)) +
                 ", before the component's code changed on " +
                 core::FormatDate(core::DayOfUnixTime(*component.last_code_change)) + edited);
  }
  const long long age = (change_time - updated) / kDay;
  if (age <= control.max_age_days) return FreshnessVerdict{true, ""};
  return Stale(model.path + " was last updated " + std::to_string(age) + " days ago (" +
               core::FormatDate(core::DayOfUnixTime(updated)) + "; at most " +
               std::to_string(control.max_age_days) + " allowed)" + edited);
}

}  // namespace riskgate::evaluate::threat_model
