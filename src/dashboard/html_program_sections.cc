#include <algorithm>
#include <string>
#include <vector>

#include "dashboard/format_number.h"
#include "dashboard/headline.h"
#include "dashboard/html_sections.h"
#include "dashboard/html_text.h"
#include "dashboard/svg_chart.h"

namespace riskgate::dashboard {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// A definition list of labelled figures.
std::string Facts(const std::vector<std::pair<std::string, std::string>>& facts) {
  std::string out = "<dl class=\"facts\">\n";
  for (const auto& [label, value] : facts) {
    out += "<dt>" + HtmlEscape(label) + "</dt><dd>" + HtmlEscape(value) + "</dd>\n";
  }
  return out + "</dl>\n";
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// A bar chart of named counts, then the same counts in a table under a disclosure.
std::string CountFigure(std::string_view id, std::string_view title, std::string_view name_header,
                        std::string_view value_header, const std::vector<ledger::Count>& counts) {
  ChartSpec spec{std::string(id),
                 std::string(title),
                 {},
                 {{std::string(value_header), {}}},
                 ValueKind::kCount};
  Rows rows;
  for (const auto& count : counts) {
    spec.labels.push_back(count.name);
    spec.series[0].values.push_back(count.value);
    rows.push_back({count.name, std::to_string(count.value)});
  }
  const std::string table = HtmlTable(
      title,
      {{std::string(name_header), CellKind::kText}, {std::string(value_header), CellKind::kNumber}},
      rows);
  return "<figure>\n<figcaption>" + HtmlEscape(title) + "</figcaption>\n" + BarChart(spec) +
         HtmlDataDetails(title, table) + "</figure>\n";
}

std::string CountTable(std::string_view caption, std::string_view name_header,
                       const std::vector<ledger::Count>& counts, std::size_t max_rows,
                       std::string_view noun) {
  Rows rows;
  const std::size_t shown = std::min(counts.size(), max_rows);
  for (std::size_t i = 0; i < shown; ++i) {
    rows.push_back({counts[i].name, std::to_string(counts[i].value)});
  }
  return HtmlTable(caption,
                   {{std::string(name_header), CellKind::kText}, {"Waivers", CellKind::kNumber}},
                   rows) +
         HtmlMoreRows(shown, counts.size(), noun);
}

// What a friction table's rows are keyed by.
enum class FrictionKey { kRepository, kRule };

std::string FrictionTable(std::string_view caption, FrictionKey key,
                          const std::vector<ledger::FrictionRow>& rows_in) {
  const bool per_rule = key == FrictionKey::kRule;
  Rows rows;
  const std::size_t shown = std::min(rows_in.size(), kHtmlMaxRows);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& row = rows_in[i];
    rows.push_back({per_rule ? row.rule : row.repository, std::to_string(row.runs),
                    std::to_string(row.block), std::to_string(row.warn), std::to_string(row.pass),
                    FormatPercent(Share(row.block, row.runs)), std::to_string(row.later_waived)});
  }
  return HtmlTable(
             caption,
             {{per_rule ? "Rule" : "Repository", per_rule ? CellKind::kCode : CellKind::kText},
              {per_rule ? "Runs with a finding" : "Check runs", CellKind::kNumber},
              {"Blocked", CellKind::kNumber},
              {"Warned", CellKind::kNumber},
              {"Passed", CellKind::kNumber},
              {"Block rate", CellKind::kNumber},
              {"Blocks later waived", CellKind::kNumber}},
             rows) +
         HtmlMoreRows(shown, rows_in.size(), per_rule ? "rules" : "repositories");
}

}  // namespace

std::string HtmlExceptions(const ledger::Metrics& metrics) {
  const auto& e = metrics.exceptions;
  if (e.total == 0 && e.oldest.empty()) {
    return HtmlNoData("No waivers are listed in the repositories' latest registers.");
  }
  std::string out = Facts({
      {"Waivers", std::to_string(e.total)},
      {"Expired", std::to_string(e.expired)},
      {"Expiring soon", std::to_string(e.expiring)},
      {"Orphaned (cover no finding)", std::to_string(e.orphaned)},
      {"Approver without authority", std::to_string(e.unauthorized)},
      {"Renewed more than once", std::to_string(e.renewed_more_than_once)},
  });
  out += "<div class=\"figures\">\n";
  if (!e.by_age.empty()) {
    out +=
        CountFigure("waivers-by-age", "Waivers by age in days", "Age (days)", "Waivers", e.by_age);
  }
  if (!e.by_days_to_expiry.empty()) {
    out += CountFigure("waivers-by-expiry", "Waivers by days until expiry", "Days until expiry",
                       "Waivers", e.by_days_to_expiry);
  }
  out += "</div>\n<div class=\"figures\">\n<div>\n";
  out += e.by_severity.empty() ? HtmlNoData("No waivers by severity.")
                               : CountTable("Waivers by severity of what they cover", "Severity",
                                            e.by_severity, kHtmlMaxRows, "severities");
  out += "</div>\n<div>\n";
  out += e.by_owner.empty() ? HtmlNoData("No waivers by owner.")
                            : CountTable("Waivers by owner", "Owner", e.by_owner, 20, "owners");
  out += "</div>\n</div>\n<h3>Oldest waivers</h3>\n";
  if (e.oldest.empty()) return out + HtmlNoData("No waivers to list.");
  Rows rows;
  const std::size_t shown = std::min(e.oldest.size(), kHtmlMaxOldestWaivers);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& w = e.oldest[i];
    rows.push_back({w.id, w.repository, w.owner, w.approver,
                    w.severity.empty() ? "none" : w.severity, Spaced(w.status), w.created,
                    w.expires, std::to_string(w.age_days), std::to_string(w.days_left),
                    std::to_string(w.renewals)});
  }
  out += HtmlTable("Oldest waivers, oldest first",
                   {{"Waiver", CellKind::kCode},
                    {"Repository", CellKind::kText},
                    {"Owner", CellKind::kText},
                    {"Approver", CellKind::kText},
                    {"Severity", CellKind::kSeverity},
                    {"Status", CellKind::kText},
                    {"Created", CellKind::kText},
                    {"Expires", CellKind::kText},
                    {"Age (days)", CellKind::kNumber},
                    {"Days left", CellKind::kNumber},
                    {"Renewals", CellKind::kNumber}},
                   rows);
  return out + HtmlMoreRows(shown, e.oldest.size(), "waivers");
}

std::string HtmlThreatModels(const ledger::Metrics& metrics) {
  const auto& t = metrics.threat_models;
  std::string out;
  if (t.high_tier_total == 0) {
    out += HtmlNoData("No high-tier components are declared, so there is no coverage to report.");
  } else {
    out += "<p><strong>" + FormatPercent(t.share) + "</strong> of high-tier components have a " +
           "present, complete and fresh threat model: " + std::to_string(t.high_tier_covered) +
           " of " + std::to_string(t.high_tier_total) + ".</p>\n";
  }
  if (!t.components.empty()) {
    Rows rows;
    const std::size_t shown = std::min(t.components.size(), kHtmlMaxRows);
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& c = t.components[i];
      rows.push_back({c.component, c.repository, c.tier, YesNo(c.present), YesNo(c.complete),
                      YesNo(c.fresh), YesNo(c.covered)});
    }
    out += HtmlTable("High-tier components",
                     {{"Component", CellKind::kText},
                      {"Repository", CellKind::kText},
                      {"Tier", CellKind::kText},
                      {"Model present", CellKind::kText},
                      {"Complete", CellKind::kText},
                      {"Fresh", CellKind::kText},
                      {"Covered", CellKind::kText}},
                     rows) +
           HtmlMoreRows(shown, t.components.size(), "components");
  }
  out += "<h3>Changes merged without a usable model</h3>\n";
  const auto& changes = t.changes_without_model;
  if (changes.empty())
    return out + HtmlNoData(
                     "No change to a high-tier component went "
                     "through without a usable model.");
  Rows rows;
  const std::size_t shown = std::min(changes.size(), kHtmlMaxRows);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& c = changes[i];
    rows.push_back({c.commit, c.repository, c.component, c.date, c.decision});
  }
  out += "<p>" + std::to_string(changes.size()) +
         " changes to high-tier components went through (warned, or passed under a waiver) "
         "without a usable threat model.</p>\n";
  return out +
         HtmlTable("Changes to high-tier components without a usable model",
                   {{"Commit", CellKind::kCode},
                    {"Repository", CellKind::kText},
                    {"Component", CellKind::kText},
                    {"Date", CellKind::kText},
                    {"Decision", CellKind::kText}},
                   rows) +
         HtmlMoreRows(shown, changes.size(), "changes");
}

std::string HtmlAdoption(const ledger::Metrics& metrics) {
  const auto& a = metrics.adoption;
  const AdoptionTotals t = SumAdoption(a);
  ChartSpec spec{"adoption-shares",
                 "Adoption of secure defaults",
                 {"Action uses SHA-pinned", "Workflow permissions", "Reviews required",
                  "Images digest-pinned"},
                 {{"share",
                   {a.uses_pinned_share, a.workflows_with_permissions_share,
                    a.repositories_with_reviews_share, a.images_pinned_share}}},
                 ValueKind::kPercent};
  const Rows shares = {
      {"Action uses pinned to a full commit SHA", FormatPercent(a.uses_pinned_share),
       FormatPartOfWhole(t.uses_pinned, t.uses, "uses")},
      {"Workflows with top-level permissions", FormatPercent(a.workflows_with_permissions_share),
       FormatPartOfWhole(t.workflows_with_permissions, t.workflows, "workflows")},
      {"Repositories requiring reviews", FormatPercent(a.repositories_with_reviews_share),
       FormatPartOfWhole(t.reviews_on, t.repositories, "repositories")},
      {"Container images pinned by digest", FormatPercent(a.images_pinned_share),
       FormatPartOfWhole(t.images_pinned, t.images, "images")},
  };
  std::string out = "<figure>\n<figcaption>Adoption of secure defaults</figcaption>\n" +
                    BarChart(spec) + "</figure>\n" +
                    HtmlTable("Adoption of secure defaults, every repository",
                              {{"Secure default", CellKind::kText},
                               {"Share", CellKind::kNumber},
                               {"Count", CellKind::kText}},
                              shares);
  out += "<h3>By repository</h3>\n";
  if (a.repositories.empty()) return out + HtmlNoData("No repository has reported its defaults.");
  Rows rows;
  const std::size_t shown = std::min(a.repositories.size(), kHtmlMaxRows);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& r = a.repositories[i];
    rows.push_back({r.repository, FormatPartOfWhole(r.uses_pinned, r.uses_total),
                    FormatPartOfWhole(r.workflows_with_permissions, r.workflows_total),
                    FormatPartOfWhole(r.images_pinned, r.images_total), YesNo(r.reviews_on)});
  }
  return out +
         HtmlTable("Secure defaults by repository",
                   {{"Repository", CellKind::kText},
                    {"Action uses SHA-pinned", CellKind::kText},
                    {"Workflows with permissions", CellKind::kText},
                    {"Images digest-pinned", CellKind::kText},
                    {"Reviews required", CellKind::kText}},
                   rows) +
         HtmlMoreRows(shown, a.repositories.size(), "repositories");
}

std::string HtmlFriction(const ledger::Metrics& metrics) {
  const auto& f = metrics.friction;
  if (f.runs == 0) return HtmlNoData("No check runs in the ledger yet.");
  std::string out = Facts({
      {"Check runs", std::to_string(f.runs)},
      {"Blocked", FormatPartOfWhole(f.block, f.runs)},
      {"Warned", FormatPartOfWhole(f.warn, f.runs)},
      {"Passed", FormatPartOfWhole(f.pass, f.runs)},
      {"Blocks later waived", FormatPartOfWhole(f.blocks_later_waived, f.block)},
      {"Median time blocked (days)", FormatDays(f.time_blocked.median_days)},
      {"90th percentile time blocked (days)", FormatDays(f.time_blocked.p90_days)},
      {"Changes blocked then unblocked", std::to_string(f.time_blocked.count)},
      {"Changes still blocked", std::to_string(f.changes_still_blocked)},
  });
  out += "<div class=\"figures\">\n" +
         CountFigure("friction-decisions", "Check runs by decision", "Decision", "Check runs",
                     {{"block", f.block}, {"warn", f.warn}, {"pass", f.pass}}) +
         "</div>\n";
  out += "<h3>By repository</h3>\n";
  out += f.by_repository.empty() ? HtmlNoData("No figures per repository.")
                                 : FrictionTable("Gate decisions by repository, most blocks first",
                                                 FrictionKey::kRepository, f.by_repository);
  out += "<h3>By rule</h3>\n";
  out += f.by_rule.empty() ? HtmlNoData("No figures per rule.")
                           : FrictionTable("Gate decisions by rule, most blocks first",
                                           FrictionKey::kRule, f.by_rule);
  return out;
}

}  // namespace riskgate::dashboard
