// Exception aging: the waivers of each repository's latest register, aged to today.
#include <algorithm>
#include <map>
#include <set>

#include "ledger/compute_metrics.h"

namespace riskgate::ledger {
namespace {

std::string AgeBucket(long long days) {
  if (days <= 30) return "0-30";
  if (days <= 90) return "31-90";
  if (days <= 180) return "91-180";
  return "181+";
}

std::string ExpiryBucket(long long days_left) {
  if (days_left < 0) return "expired";
  if (days_left <= 7) return "0-7";
  if (days_left <= 30) return "8-30";
  if (days_left <= 90) return "31-90";
  return "91+";
}

std::vector<Count> Counted(const std::vector<std::string>& order,
                           const std::map<std::string, int>& counts) {
  std::vector<Count> out;
  for (const auto& name : order) {
    auto found = counts.find(name);
    out.push_back(Count{name, found == counts.end() ? 0 : found->second});
  }
  return out;
}

}  // namespace

ExceptionAging AgeExceptions(const LedgerRows& rows, core::Day today) {
  // Every expiry each (repository, waiver id) was listed with, in any register.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> expiries;
  for (const auto& w : rows.waivers) {
    expiries[{rows.reports[w.report].repository, w.id}].insert(w.expires);
  }
  std::set<std::size_t> latest;
  for (std::size_t index : LatestPerRepository(rows, "waivers")) latest.insert(index);
  ExceptionAging out;
  std::map<std::string, int> by_age, by_expiry, by_severity, by_owner;
  for (const auto& w : rows.waivers) {
    if (!latest.count(w.report)) continue;
    Exception e;
    e.repository = rows.reports[w.report].repository;
    e.id = w.id;
    e.owner = w.owner;
    e.approver = w.approver;
    e.severity = w.severity;
    e.created = w.created;
    e.expires = w.expires;
    const auto created = core::ParseDate(w.created);
    const auto expires = core::ParseDate(w.expires);
    e.age_days = created ? static_cast<int>(today - *created) : 0;
    e.days_left = expires ? static_cast<int>(*expires - today) : 0;
    // A register written before the waiver ran out still says active: today decides.
    e.status = e.days_left < 0 ? "expired" : w.status;
    // Each later expiry than the first is a renewal.
    e.renewals = static_cast<int>(expiries[{e.repository, e.id}].size()) - 1;
    ++out.total;
    out.expired += e.status == "expired";
    out.expiring += e.status == "expiring";
    out.orphaned += e.status == "orphaned";
    out.unauthorized += e.status == "unauthorized";
    out.renewed_more_than_once += e.renewals > 1;
    ++by_age[AgeBucket(e.age_days)];
    ++by_expiry[ExpiryBucket(e.days_left)];
    ++by_severity[e.severity.empty() ? "none" : e.severity];
    ++by_owner[e.owner];
    out.oldest.push_back(std::move(e));
  }
  out.by_age = Counted({"0-30", "31-90", "91-180", "181+"}, by_age);
  out.by_days_to_expiry = Counted({"expired", "0-7", "8-30", "31-90", "91+"}, by_expiry);
  std::vector<std::string> severities(kSeverityNames.begin(), kSeverityNames.end());
  severities.emplace_back("none");
  out.by_severity = Counted(severities, by_severity);
  for (const auto& [owner, count] : by_owner) out.by_owner.push_back(Count{owner, count});
  std::stable_sort(out.by_owner.begin(), out.by_owner.end(),
                   [](const Count& a, const Count& b) { return a.value > b.value; });
  std::stable_sort(
      out.oldest.begin(), out.oldest.end(), [](const Exception& a, const Exception& b) {
        return std::tie(a.created, a.repository, a.id) < std::tie(b.created, b.repository, b.id);
      });
  return out;
}

}  // namespace riskgate::ledger
