// The Markdown dashboard, for a wiki page or a merge request comment: the HTML page's figures and
// tables in GitHub-flavoured Markdown, without HTML or charts. Every string from Metrics is
// escaped for text and table cells (Markdown punctuation backslash-escaped, '|' as "\|", & < >
// as entities, control characters and line breaks as \xNN text), and long tables are cut at
// kMaxRows with a line saying how many more there are.
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"
#include "dashboard/format_number.h"
#include "dashboard/headline.h"
#include "dashboard/writers.h"
#include "report/text_escape.h"

namespace riskgate::dashboard {
namespace {

constexpr std::size_t kMaxRows = 30;

using Rows = std::vector<std::vector<std::string>>;

// Plain text for a Markdown line or table cell.
std::string Md(std::string_view text) {
  // Markdown's own punctuation first, then HTML's (& < > " ' as entities, control bytes as \xNN).
  // ':' and the '.' of "www." are escaped too, so that no URL in a name becomes a link (GFM's
  // autolinks; an escaped character renders as itself).
  static constexpr std::string_view kSpecial = "\\`*_[]~|#:";
  std::string marked;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool www_dot = c == '.' && i >= 3 && core::AsciiLower(text.substr(i - 3, 3)) == "www";
    if (kSpecial.find(c) != std::string_view::npos || www_dot) marked += '\\';
    marked += c;
  }
  return report::HtmlEscape(marked);
}

enum class Align { kLeft, kRight };

struct MdColumn {
  std::string header;
  Align align = Align::kLeft;
};

// A table of the first `max_rows` rows, then "… and N more <noun>." when some were cut.
std::string Table(const std::vector<MdColumn>& columns, const Rows& rows, std::string_view noun,
                  std::size_t max_rows = kMaxRows) {
  std::string out = "|";
  for (const auto& column : columns) out += " " + Md(column.header) + " |";
  out += "\n|";
  for (const auto& column : columns) out += column.align == Align::kRight ? "---:|" : "---|";
  out += "\n";
  const std::size_t shown = std::min(rows.size(), max_rows);
  for (std::size_t r = 0; r < shown; ++r) {
    out += "|";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      out += " " + (i < rows[r].size() ? Md(rows[r][i]) : std::string()) + " |";
    }
    out += "\n";
  }
  if (shown < rows.size()) {
    out += "\n\xe2\x80\xa6 and " + std::to_string(rows.size() - shown) + " more " +
           std::string(noun) + " (the HTML, JSON and CSV dashboards list them all).\n";
  }
  return out + "\n";
}

std::string NoData(std::string_view text) { return "_" + std::string(text) + "_\n\n"; }

std::string YesNo(bool value) { return value ? "yes" : "no"; }

std::string Intro(const ledger::Metrics& m) {
  std::string out = "# Security program dashboard\n\n";
  out += m.now.empty() ? "Figures " : "Figures as of **" + Md(m.now) + "**, ";
  out += "from " + std::to_string(m.reports) + " reports of " + std::to_string(m.repositories) +
         " repositories";
  if (!m.first_run.empty()) {
    out += " (check runs from " + Md(m.first_run) + " to " + Md(m.last_run) + ")";
  }
  return out + ".\n\n";
}

std::string Headline(const ledger::Metrics& m) {
  Rows rows;
  for (const auto& figure : HeadlineFigures(m)) {
    rows.push_back({figure.label, figure.value, figure.note});
  }
  return "## Headline figures\n\n" +
         Table({{"Figure"}, {"Value", Align::kRight}, {"Detail"}}, rows, "figures");
}

std::string Trends(const ledger::Metrics& m) {
  std::string out = "## Weekly trends\n\n";
  if (m.trend.empty()) return out + NoData("No check runs in the ledger yet.");
  const auto& first = m.trend.front();
  const auto& last = m.trend.back();
  out += "Open findings went from " + std::to_string(first.open_findings) + " to " +
         std::to_string(last.open_findings) + " between the weeks of " + Md(first.week) + " and " +
         Md(last.week) + ".\n\n";
  Rows rows;
  for (const auto& w : m.trend) {
    rows.push_back({w.week, std::to_string(w.open_findings), std::to_string(w.opened),
                    std::to_string(w.remediated), std::to_string(w.active_waivers),
                    std::to_string(w.runs), std::to_string(w.blocked_runs),
                    FormatPercent(WeekBlockRate(w))});
  }
  return out + Table({{"Week of"},
                      {"Open findings", Align::kRight},
                      {"Opened", Align::kRight},
                      {"Remediated", Align::kRight},
                      {"Active waivers", Align::kRight},
                      {"Check runs", Align::kRight},
                      {"Blocked", Align::kRight},
                      {"Block rate", Align::kRight}},
                     rows, "weeks", m.trend.size());
}

std::vector<std::string> RemediationCells(const ledger::RemediationRow& row) {
  return {std::to_string(row.remediated.count), FormatDays(row.remediated.median_days),
          FormatDays(row.remediated.p90_days),  std::to_string(row.open_age.count),
          FormatDays(row.open_age.median_days), FormatDays(row.open_age.p90_days)};
}

std::string Remediation(const ledger::Metrics& m) {
  std::string out = "## Time to remediate\n\n";
  const std::vector<MdColumn> figures = {
      {"Remediated", Align::kRight},      {"Median days", Align::kRight},
      {"P90 days", Align::kRight},        {"Still open", Align::kRight},
      {"Median open age", Align::kRight}, {"P90 open age", Align::kRight}};
  Rows overall;
  Rows per_control;
  for (const auto& row : m.remediation) {
    std::vector<std::string> cells = RemediationCells(row);
    cells.insert(cells.begin(), row.severity);
    if (row.control.empty()) {
      overall.push_back(std::move(cells));
    } else {
      cells.insert(cells.begin(), row.control);
      per_control.push_back(std::move(cells));
    }
  }
  if (overall.empty() && per_control.empty()) return out + NoData("No findings seen yet.");
  out += "Days from first sighting until gone; open age counts until " + Md(m.now) + ".\n\n";
  std::vector<MdColumn> columns = {{"Severity"}};
  columns.insert(columns.end(), figures.begin(), figures.end());
  if (!overall.empty()) out += Table(columns, overall, "severities");
  out += "### By control\n\n";
  if (per_control.empty()) return out + NoData("No figures per control.");
  columns.insert(columns.begin(), MdColumn{"Control"});
  return out + Table(columns, per_control, "rows");
}

std::string Register(const ledger::Metrics& m) {
  std::string out = "## Open-risk register\n\n";
  if (m.open_risks.empty()) return out + NoData("No open risks.");
  const RegisterCounts counts = CountRegister(m);
  out += std::to_string(counts.open) + " open risks, " + std::to_string(counts.accepted) +
         " of them accepted by a waiver; worst first, then oldest.\n\n";
  Rows rows;
  for (const auto& r : m.open_risks) {
    std::string waiver = r.waiver_id;
    if (!r.expires.empty()) waiver += (waiver.empty() ? "" : ", ") + ("expires " + r.expires);
    rows.push_back({r.severity, RiskRule(r), r.repository, r.path, r.first_seen,
                    FormatDays(r.age_days), r.status, r.owner, waiver});
  }
  return out + Table({{"Severity"},
                      {"Rule"},
                      {"Repository"},
                      {"Path"},
                      {"First seen"},
                      {"Age (days)", Align::kRight},
                      {"Status"},
                      {"Owner"},
                      {"Waiver"}},
                     rows, "open risks");
}

Rows CountRows(const std::vector<ledger::Count>& counts) {
  Rows rows;
  for (const auto& count : counts) rows.push_back({count.name, std::to_string(count.value)});
  return rows;
}

std::string Exceptions(const ledger::Metrics& m) {
  const auto& e = m.exceptions;
  std::string out = "## Exceptions and their age\n\n";
  if (e.total == 0 && e.oldest.empty()) return out + NoData("No waivers listed.");
  out += "- **Waivers:** " + std::to_string(e.total) + "\n- **Expired:** " +
         std::to_string(e.expired) + "\n- **Expiring soon:** " + std::to_string(e.expiring) +
         "\n- **Orphaned (cover no finding):** " + std::to_string(e.orphaned) +
         "\n- **Approver without authority:** " + std::to_string(e.unauthorized) +
         "\n- **Renewed more than once:** " + std::to_string(e.renewed_more_than_once) + "\n\n";
  if (!e.by_age.empty()) {
    out += Table({{"Age (days)"}, {"Waivers", Align::kRight}}, CountRows(e.by_age), "buckets");
  }
  if (!e.by_days_to_expiry.empty()) {
    out += Table({{"Days until expiry"}, {"Waivers", Align::kRight}},
                 CountRows(e.by_days_to_expiry), "buckets");
  }
  if (!e.by_severity.empty()) {
    out += Table({{"Severity covered"}, {"Waivers", Align::kRight}}, CountRows(e.by_severity),
                 "severities");
  }
  if (!e.by_owner.empty()) {
    out += Table({{"Owner"}, {"Waivers", Align::kRight}}, CountRows(e.by_owner), "owners");
  }
  out += "### Oldest waivers\n\n";
  if (e.oldest.empty()) return out + NoData("No waivers to list.");
  Rows rows;
  for (const auto& w : e.oldest) {
    rows.push_back({w.id, w.repository, w.owner, w.approver,
                    w.severity.empty() ? "none" : w.severity, Spaced(w.status), w.created,
                    w.expires, std::to_string(w.age_days), std::to_string(w.days_left),
                    std::to_string(w.renewals)});
  }
  return out + Table({{"Waiver"},
                      {"Repository"},
                      {"Owner"},
                      {"Approver"},
                      {"Severity"},
                      {"Status"},
                      {"Created"},
                      {"Expires"},
                      {"Age (days)", Align::kRight},
                      {"Days left", Align::kRight},
                      {"Renewals", Align::kRight}},
                     rows, "waivers");
}

std::string ThreatModels(const ledger::Metrics& m) {
  const auto& t = m.threat_models;
  std::string out = "## Threat-model coverage\n\n";
  out += t.high_tier_total == 0
             ? NoData("No high-tier components are declared.")
             : "**" + FormatPercent(t.share) + "** of high-tier components have a present, " +
                   "complete and fresh threat model (" + std::to_string(t.high_tier_covered) +
                   " of " + std::to_string(t.high_tier_total) + ").\n\n";
  if (!t.components.empty()) {
    Rows rows;
    for (const auto& c : t.components) {
      rows.push_back({c.component, c.repository, c.tier, YesNo(c.present), YesNo(c.complete),
                      YesNo(c.fresh), YesNo(c.covered)});
    }
    out += Table({{"Component"},
                  {"Repository"},
                  {"Tier"},
                  {"Model present"},
                  {"Complete"},
                  {"Fresh"},
                  {"Covered"}},
                 rows, "components");
  }
  out += "### Changes merged without a usable model\n\n";
  if (t.changes_without_model.empty()) return out + NoData("None.");
  Rows rows;
  for (const auto& c : t.changes_without_model) {
    rows.push_back({c.commit, c.repository, c.component, c.date, c.decision});
  }
  return out + Table({{"Commit"}, {"Repository"}, {"Component"}, {"Date"}, {"Decision"}}, rows,
                     "changes");
}

std::string Adoption(const ledger::Metrics& m) {
  const auto& a = m.adoption;
  const AdoptionTotals t = SumAdoption(a);
  std::string out = "## Adoption of secure defaults\n\n";
  out += Table(
      {{"Secure default"}, {"Share", Align::kRight}, {"Count"}},
      {{"Action uses pinned to a full commit SHA", FormatPercent(a.uses_pinned_share),
        FormatPartOfWhole(t.uses_pinned, t.uses, "uses")},
       {"Workflows with top-level permissions", FormatPercent(a.workflows_with_permissions_share),
        FormatPartOfWhole(t.workflows_with_permissions, t.workflows, "workflows")},
       {"Repositories requiring reviews", FormatPercent(a.repositories_with_reviews_share),
        FormatPartOfWhole(t.reviews_on, t.repositories, "repositories")},
       {"Container images pinned by digest", FormatPercent(a.images_pinned_share),
        FormatPartOfWhole(t.images_pinned, t.images, "images")}},
      "defaults");
  out += "### By repository\n\n";
  if (a.repositories.empty()) return out + NoData("No repository has reported its defaults.");
  Rows rows;
  for (const auto& r : a.repositories) {
    rows.push_back({r.repository, FormatPartOfWhole(r.uses_pinned, r.uses_total),
                    FormatPartOfWhole(r.workflows_with_permissions, r.workflows_total),
                    FormatPartOfWhole(r.images_pinned, r.images_total), YesNo(r.reviews_on)});
  }
  return out + Table({{"Repository"},
                      {"Action uses SHA-pinned"},
                      {"Workflows with permissions"},
                      {"Images digest-pinned"},
                      {"Reviews required"}},
                     rows, "repositories");
}

// The rows keyed by `key` (the repository or the rule).
Rows FrictionRows(const std::vector<ledger::FrictionRow>& rows_in,
                  std::string ledger::FrictionRow::*key) {
  Rows rows;
  for (const auto& r : rows_in) {
    rows.push_back({r.*key, std::to_string(r.runs), std::to_string(r.block), std::to_string(r.warn),
                    std::to_string(r.pass), FormatPercent(Share(r.block, r.runs)),
                    std::to_string(r.later_waived)});
  }
  return rows;
}

std::string Friction(const ledger::Metrics& m) {
  const auto& f = m.friction;
  std::string out = "## Gate friction\n\n";
  if (f.runs == 0) return out + NoData("No check runs in the ledger yet.");
  out += "- **Check runs:** " + std::to_string(f.runs) + "\n- **Blocked:** " +
         FormatPartOfWhole(f.block, f.runs) + "\n- **Warned:** " +
         FormatPartOfWhole(f.warn, f.runs) + "\n- **Passed:** " +
         FormatPartOfWhole(f.pass, f.runs) + "\n- **Blocks later waived:** " +
         FormatPartOfWhole(f.blocks_later_waived, f.block) + "\n- **Time blocked:** median " +
         FormatDays(f.time_blocked.median_days) + " days, 90th percentile " +
         FormatDays(f.time_blocked.p90_days) + " days, over " +
         std::to_string(f.time_blocked.count) + " changes" + "\n- **Changes still blocked:** " +
         std::to_string(f.changes_still_blocked) + "\n\n";
  const auto columns = [](std::string key, std::string runs) {
    return std::vector<MdColumn>{{std::move(key)},
                                 {std::move(runs), Align::kRight},
                                 {"Blocked", Align::kRight},
                                 {"Warned", Align::kRight},
                                 {"Passed", Align::kRight},
                                 {"Block rate", Align::kRight},
                                 {"Later waived", Align::kRight}};
  };
  out += "### By repository\n\n";
  out +=
      f.by_repository.empty()
          ? NoData("No figures per repository.")
          : Table(columns("Repository", "Check runs"),
                  FrictionRows(f.by_repository, &ledger::FrictionRow::repository), "repositories");
  out += "### By rule\n\n";
  out += f.by_rule.empty() ? NoData("No figures per rule.")
                           : Table(columns("Rule", "Runs with a finding"),
                                   FrictionRows(f.by_rule, &ledger::FrictionRow::rule), "rules");
  return out;
}

std::string WorstRepositories(const ledger::Metrics& m) {
  std::string out = "## Worst repositories\n\n";
  if (m.worst_repositories.empty()) return out + NoData("No repository has an open risk.");
  Rows rows;
  for (const auto& r : m.worst_repositories) {
    rows.push_back({r.repository, std::to_string(r.critical), std::to_string(r.high),
                    std::to_string(r.medium), std::to_string(r.low), std::to_string(r.info),
                    std::to_string(r.expired_waivers), r.last_run});
  }
  return out + Table({{"Repository"},
                      {"Critical", Align::kRight},
                      {"High", Align::kRight},
                      {"Medium", Align::kRight},
                      {"Low", Align::kRight},
                      {"Info", Align::kRight},
                      {"Expired waivers", Align::kRight},
                      {"Last run"}},
                     rows, "repositories");
}

}  // namespace

std::string WriteMarkdown(const ledger::Metrics& metrics) {
  std::string out = Intro(metrics) + Headline(metrics) + Trends(metrics) + Remediation(metrics) +
                    Register(metrics) + Exceptions(metrics) + ThreatModels(metrics) +
                    Adoption(metrics) + Friction(metrics) + WorstRepositories(metrics);
  while (out.size() > 1 && out[out.size() - 2] == '\n' && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace riskgate::dashboard
