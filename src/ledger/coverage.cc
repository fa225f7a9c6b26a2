// Threat-model coverage of high-tier components, and adoption of secure defaults.
#include <map>
#include <set>
#include <tuple>

#include "ledger/compute_metrics.h"

namespace riskgate::ledger {
namespace {

bool ModelMissing(const std::string& rule) {
  return rule == "threat-model-missing" || rule == "threat-model-stale" ||
         rule == "threat-model-incomplete" || rule == "threat-model-unparsable";
}

std::optional<double> Share(long long part, long long whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

ThreatModelCoverage CoverThreatModels(const LedgerRows& rows) {
  ThreatModelCoverage out;
  std::set<std::size_t> latest;
  for (std::size_t index : LatestPerRepository(rows, "threat-model-status")) latest.insert(index);
  for (const auto& c : rows.components) {
    if (!latest.count(c.report) || c.tier != "high") continue;
    ComponentCoverage row;
    row.repository = rows.reports[c.report].repository;
    row.component = c.name;
    row.tier = c.tier;
    row.present = c.present;
    row.complete = c.complete;
    row.fresh = c.fresh;
    row.covered = c.present && c.complete && c.fresh;
    ++out.high_tier_total;
    out.high_tier_covered += row.covered;
    out.components.push_back(std::move(row));
  }
  out.share = Share(out.high_tier_covered, out.high_tier_total);
  // Changes to high-tier components that went through (neither the finding nor the run
  // blocked) while their model was missing, stale, incomplete or unreadable.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& f : rows.findings) {
    const ReportRow& report = rows.reports[f.report];
    if (report.kind != "check" || f.control != "threat_model" || f.tier != "high" ||
        !ModelMissing(f.rule) || f.decision == "block" || report.decision == "block") {
      continue;
    }
    if (!seen.emplace(report.repository, report.commit, f.component).second) continue;
    out.changes_without_model.push_back(
        UncoveredChange{report.repository, report.commit, f.component,
                        core::FormatDate(core::DayOfUnixTime(report.time)), f.decision});
  }
  return out;
}

AdoptionSummary CountAdoption(const LedgerRows& rows) {
  AdoptionSummary out;
  std::map<std::string, Adoption> by_name;
  std::map<std::string, std::size_t> latest_defaults;
  for (const auto& d : rows.defaults) {
    const std::string& name = rows.reports[d.report].repository;
    auto found = latest_defaults.find(name);
    if (found == latest_defaults.end() || rows.defaults[found->second].report < d.report) {
      latest_defaults[name] = static_cast<std::size_t>(&d - rows.defaults.data());
    }
  }
  long long uses = 0, pinned = 0, workflows = 0, permitted = 0, images = 0, digests = 0;
  for (const auto& [name, index] : latest_defaults) {
    const auto& counts = rows.defaults[index].counts;
    Adoption& a = by_name[name];
    a.repository = name;
    a.uses_total = counts.uses;
    a.uses_pinned = counts.uses_pinned;
    a.workflows_total = counts.workflows;
    a.workflows_with_permissions = counts.workflows_with_permissions;
    a.images_total = counts.images;
    a.images_pinned = counts.images_pinned;
    uses += counts.uses;
    pinned += counts.uses_pinned;
    workflows += counts.workflows;
    permitted += counts.workflows_with_permissions;
    images += counts.images;
    digests += counts.images_pinned;
  }
  // Reviews: each repository's latest check report that lists its policy's controls.
  std::map<std::string, bool> reviews_on;
  for (const auto& report : rows.reports) {
    if (report.kind != "check" || !report.controls) continue;
    const auto& controls = *report.controls;
    reviews_on[report.repository] =
        std::find(controls.begin(), controls.end(), "reviews") != controls.end();
  }
  int with_reviews = 0;
  for (const auto& [name, on] : reviews_on) {
    Adoption& a = by_name[name];
    a.repository = name;
    a.reviews_on = on;
    with_reviews += on;
  }
  out.uses_pinned_share = Share(pinned, uses);
  out.workflows_with_permissions_share = Share(permitted, workflows);
  out.images_pinned_share = Share(digests, images);
  out.repositories_with_reviews_share =
      Share(with_reviews, static_cast<long long>(reviews_on.size()));
  for (auto& [name, a] : by_name) out.repositories.push_back(std::move(a));
  return out;
}

}  // namespace riskgate::ledger
