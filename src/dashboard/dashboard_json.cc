// The JSON dashboard: the whole of Metrics as one object whose member names are the struct's
// field names, under {"tool": {"name": "riskgate"}, "kind": "dashboard"}. Absent optionals are
// null; every double is rounded to kMachineDecimals; strings are written as they are (JsonOut
// escapes them and writes invalid UTF-8 as U+FFFD). Members keep the struct's order.
#include <cmath>
#include <string>
#include <vector>

#include "core/json_out.h"
#include "dashboard/format_number.h"
#include "dashboard/writers.h"

namespace riskgate::dashboard {
namespace {

using core::JsonOut;

JsonOut Number(double value) {
  if (!std::isfinite(value)) return JsonOut();
  return JsonOut(RoundMachine(value));
}

JsonOut Number(const std::optional<double>& value) { return value ? Number(*value) : JsonOut(); }

template <typename T, typename ToJson>
JsonOut ArrayOf(const std::vector<T>& items, ToJson to_json) {
  JsonOut out = JsonOut::Array();
  for (const auto& item : items) out.Push(to_json(item));
  return out;
}

JsonOut SpreadJson(const ledger::Spread& s) {
  return JsonOut::Object({{"count", s.count},
                          {"median_days", Number(s.median_days)},
                          {"p90_days", Number(s.p90_days)}});
}

JsonOut CountJson(const ledger::Count& c) {
  return JsonOut::Object({{"name", c.name}, {"value", c.value}});
}

JsonOut RemediationJson(const ledger::RemediationRow& r) {
  return JsonOut::Object({{"severity", r.severity},
                          {"control", r.control},
                          {"remediated", SpreadJson(r.remediated)},
                          {"open_age", SpreadJson(r.open_age)}});
}

JsonOut OpenRiskJson(const ledger::OpenRisk& r) {
  return JsonOut::Object({{"repository", r.repository},
                          {"control", r.control},
                          {"rule", r.rule},
                          {"severity", r.severity},
                          {"path", r.path},
                          {"fingerprint", r.fingerprint},
                          {"first_seen", r.first_seen},
                          {"age_days", Number(r.age_days)},
                          {"owner", r.owner},
                          {"status", r.status},
                          {"waiver_id", r.waiver_id},
                          {"expires", r.expires}});
}

JsonOut ExceptionJson(const ledger::Exception& e) {
  return JsonOut::Object({{"repository", e.repository},
                          {"id", e.id},
                          {"owner", e.owner},
                          {"approver", e.approver},
                          {"severity", e.severity},
                          {"status", e.status},
                          {"created", e.created},
                          {"expires", e.expires},
                          {"age_days", e.age_days},
                          {"days_left", e.days_left},
                          {"renewals", e.renewals}});
}

JsonOut ExceptionsJson(const ledger::ExceptionAging& e) {
  return JsonOut::Object({{"total", e.total},
                          {"expired", e.expired},
                          {"expiring", e.expiring},
                          {"orphaned", e.orphaned},
                          {"unauthorized", e.unauthorized},
                          {"renewed_more_than_once", e.renewed_more_than_once},
                          {"by_age", ArrayOf(e.by_age, CountJson)},
                          {"by_days_to_expiry", ArrayOf(e.by_days_to_expiry, CountJson)},
                          {"by_severity", ArrayOf(e.by_severity, CountJson)},
                          {"by_owner", ArrayOf(e.by_owner, CountJson)},
                          {"oldest", ArrayOf(e.oldest, ExceptionJson)}});
}

JsonOut ComponentJson(const ledger::ComponentCoverage& c) {
  return JsonOut::Object({{"repository", c.repository},
                          {"component", c.component},
                          {"tier", c.tier},
                          {"present", c.present},
                          {"complete", c.complete},
                          {"fresh", c.fresh},
                          {"covered", c.covered}});
}

JsonOut UncoveredChangeJson(const ledger::UncoveredChange& c) {
  return JsonOut::Object({{"repository", c.repository},
                          {"commit", c.commit},
                          {"component", c.component},
                          {"date", c.date},
                          {"decision", c.decision}});
}

JsonOut ThreatModelsJson(const ledger::ThreatModelCoverage& t) {
  return JsonOut::Object(
      {{"high_tier_total", t.high_tier_total},
       {"high_tier_covered", t.high_tier_covered},
       {"share", Number(t.share)},
       {"components", ArrayOf(t.components, ComponentJson)},
       {"changes_without_model", ArrayOf(t.changes_without_model, UncoveredChangeJson)}});
}

JsonOut AdoptionJson(const ledger::Adoption& a) {
  return JsonOut::Object({{"repository", a.repository},
                          {"uses_total", a.uses_total},
                          {"uses_pinned", a.uses_pinned},
                          {"workflows_total", a.workflows_total},
                          {"workflows_with_permissions", a.workflows_with_permissions},
                          {"images_total", a.images_total},
                          {"images_pinned", a.images_pinned},
                          {"reviews_on", a.reviews_on}});
}

JsonOut AdoptionSummaryJson(const ledger::AdoptionSummary& a) {
  return JsonOut::Object(
      {{"uses_pinned_share", Number(a.uses_pinned_share)},
       {"workflows_with_permissions_share", Number(a.workflows_with_permissions_share)},
       {"repositories_with_reviews_share", Number(a.repositories_with_reviews_share)},
       {"images_pinned_share", Number(a.images_pinned_share)},
       {"repositories", ArrayOf(a.repositories, AdoptionJson)}});
}

JsonOut FrictionRowJson(const ledger::FrictionRow& r) {
  return JsonOut::Object({{"repository", r.repository},
                          {"rule", r.rule},
                          {"runs", r.runs},
                          {"block", r.block},
                          {"warn", r.warn},
                          {"pass", r.pass},
                          {"later_waived", r.later_waived}});
}

JsonOut FrictionJson(const ledger::GateFriction& f) {
  return JsonOut::Object({{"runs", f.runs},
                          {"block", f.block},
                          {"warn", f.warn},
                          {"pass", f.pass},
                          {"blocks_later_waived", f.blocks_later_waived},
                          {"time_blocked", SpreadJson(f.time_blocked)},
                          {"changes_still_blocked", f.changes_still_blocked},
                          {"by_repository", ArrayOf(f.by_repository, FrictionRowJson)},
                          {"by_rule", ArrayOf(f.by_rule, FrictionRowJson)}});
}

JsonOut TrendJson(const ledger::TrendPoint& t) {
  return JsonOut::Object({{"week", t.week},
                          {"open_findings", t.open_findings},
                          {"opened", t.opened},
                          {"remediated", t.remediated},
                          {"active_waivers", t.active_waivers},
                          {"runs", t.runs},
                          {"blocked_runs", t.blocked_runs}});
}

JsonOut RepositoryRiskJson(const ledger::RepositoryRisk& r) {
  return JsonOut::Object({{"repository", r.repository},
                          {"critical", r.critical},
                          {"high", r.high},
                          {"medium", r.medium},
                          {"low", r.low},
                          {"info", r.info},
                          {"expired_waivers", r.expired_waivers},
                          {"last_run", r.last_run}});
}

}  // namespace

std::string WriteJson(const ledger::Metrics& m) {
  const JsonOut out =
      JsonOut::Object({{"tool", JsonOut::Object({{"name", "riskgate"}})},
                       {"kind", "dashboard"},
                       {"now", m.now},
                       {"repositories", m.repositories},
                       {"reports", m.reports},
                       {"first_run", m.first_run},
                       {"last_run", m.last_run},
                       {"remediation", ArrayOf(m.remediation, RemediationJson)},
                       {"open_risks", ArrayOf(m.open_risks, OpenRiskJson)},
                       {"exceptions", ExceptionsJson(m.exceptions)},
                       {"threat_models", ThreatModelsJson(m.threat_models)},
                       {"adoption", AdoptionSummaryJson(m.adoption)},
                       {"friction", FrictionJson(m.friction)},
                       {"trend", ArrayOf(m.trend, TrendJson)},
                       {"worst_repositories", ArrayOf(m.worst_repositories, RepositoryRiskJson)}});
  return out.Dump(2) + "\n";
}

}  // namespace riskgate::dashboard
