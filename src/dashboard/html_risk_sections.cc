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

std::string Tile(std::string_view css_class, std::string_view label, std::string_view value,
                 std::string_view note) {
  std::string out = "<div class=\"tile";
  if (!css_class.empty()) out += " " + std::string(css_class);
  out += "\"><dt>" + HtmlEscape(label) + "</dt><dd class=\"value\">" + HtmlEscape(value) + "</dd>";
  if (!note.empty()) out += "<dd class=\"note\">" + HtmlEscape(note) + "</dd>";
  return out + "</div>\n";
}

// A chart in a figure with a visible caption, then its numbers in a table.
std::string Figure(const std::string& chart, std::string_view caption, const std::string& table) {
  return "<figure>\n<figcaption>" + HtmlEscape(caption) + "</figcaption>\n" + chart +
         HtmlDataDetails(caption, table) + "</figure>\n";
}

struct TrendColumn {
  std::string name;
  std::vector<std::optional<double>> values;
};

std::string TrendFigure(const ledger::Metrics& metrics, std::string_view id, std::string_view title,
                        std::vector<TrendColumn> columns, ValueKind kind) {
  ChartSpec spec{std::string(id), std::string(title), {}, {}, kind};
  for (const auto& week : metrics.trend) spec.labels.push_back(week.week);
  for (const auto& column : columns) spec.series.push_back({column.name, column.values});
  std::vector<HtmlColumn> headers = {{"Week of", CellKind::kText}};
  for (const auto& column : columns) headers.push_back({column.name, CellKind::kNumber});
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < metrics.trend.size(); ++i) {
    std::vector<std::string> row = {metrics.trend[i].week};
    for (const auto& column : columns) row.push_back(ChartValue(kind, column.values[i]));
    rows.push_back(std::move(row));
  }
  return Figure(LineChart(spec), title, HtmlTable(title, headers, rows));
}

template <typename Field>
std::vector<std::optional<double>> TrendValues(const ledger::Metrics& metrics, Field field) {
  std::vector<std::optional<double>> out;
  for (const auto& week : metrics.trend) out.push_back(field(week));
  return out;
}

std::vector<std::string> RemediationCells(const ledger::RemediationRow& row) {
  return {std::to_string(row.remediated.count), FormatDays(row.remediated.median_days),
          FormatDays(row.remediated.p90_days),  std::to_string(row.open_age.count),
          FormatDays(row.open_age.median_days), FormatDays(row.open_age.p90_days)};
}

const std::vector<HtmlColumn> kRemediationColumns = {
    {"Remediated", CellKind::kNumber},
    {"Median days to remediate", CellKind::kNumber},
    {"90th percentile days", CellKind::kNumber},
    {"Still open", CellKind::kNumber},
    {"Median open age (days)", CellKind::kNumber},
    {"90th percentile open age (days)", CellKind::kNumber},
};

}  // namespace

std::string HtmlHeadline(const ledger::Metrics& metrics) {
  std::string out = "<dl class=\"tiles\">\n";
  for (const auto& figure : HeadlineFigures(metrics)) {
    out += Tile(figure.severity.empty() ? "" : "sev-" + std::string(figure.severity), figure.label,
                figure.value, figure.note);
  }
  out += "</dl>\n";
  const RegisterCounts counts = CountRegister(metrics);
  return out + "<p class=\"note\">" + std::to_string(counts.open) +
         " open risks in the register, " + std::to_string(counts.accepted) +
         " of them accepted by a waiver.</p>\n";
}

std::string HtmlTrends(const ledger::Metrics& metrics) {
  if (metrics.trend.empty()) {
    return HtmlNoData("No check runs in the ledger yet, so there is no trend to draw.");
  }
  const auto count = [&](auto field) {
    return TrendValues(
        metrics, [&](const ledger::TrendPoint& w) -> std::optional<double> { return field(w); });
  };
  std::string out = "<div class=\"figures\">\n";
  out += TrendFigure(metrics, "trend-open", "Open findings per week",
                     {{"Open findings", count([](const auto& w) { return w.open_findings; })}},
                     ValueKind::kCount);
  out += TrendFigure(metrics, "trend-flow", "Findings opened and remediated per week",
                     {{"Opened", count([](const auto& w) { return w.opened; })},
                      {"Remediated", count([](const auto& w) { return w.remediated; })}},
                     ValueKind::kCount);
  out += TrendFigure(metrics, "trend-waivers", "Active waivers per week",
                     {{"Active waivers", count([](const auto& w) { return w.active_waivers; })}},
                     ValueKind::kCount);
  out += TrendFigure(metrics, "trend-block-rate", "Share of check runs blocked per week",
                     {{"Block rate", TrendValues(metrics, WeekBlockRate)}}, ValueKind::kPercent);
  out += "</div>\n";
  return out;
}

std::string HtmlRemediation(const ledger::Metrics& metrics) {
  std::string out =
      "<p>Days from a finding's first sighting until it was gone, for findings that are gone; "
      "open age counts from the first sighting until " +
      HtmlEscape(metrics.now) + ", accepted findings included.</p>\n";
  std::vector<const ledger::RemediationRow*> overall;
  std::vector<const ledger::RemediationRow*> per_control;
  for (const auto& row : metrics.remediation) {
    (row.control.empty() ? overall : per_control).push_back(&row);
  }
  if (overall.empty() && per_control.empty()) {
    return out + HtmlNoData("No findings have been seen yet.");
  }
  if (!overall.empty()) {
    ChartSpec spec{"remediation-days", "Days to remediate by severity", {}, {}, ValueKind::kDays};
    spec.series = {{"median", {}}, {"90th percentile", {}}};
    for (const auto* row : overall) {
      spec.labels.push_back(row->severity);
      spec.series[0].values.push_back(row->remediated.median_days);
      spec.series[1].values.push_back(row->remediated.p90_days);
    }
    out += "<figure>\n<figcaption>Days to remediate by severity</figcaption>\n" + BarChart(spec) +
           "</figure>\n";
    std::vector<HtmlColumn> columns = {{"Severity", CellKind::kSeverity}};
    columns.insert(columns.end(), kRemediationColumns.begin(), kRemediationColumns.end());
    std::vector<std::vector<std::string>> rows;
    for (const auto* row : overall) {
      std::vector<std::string> cells = {row->severity};
      for (auto& cell : RemediationCells(*row)) cells.push_back(std::move(cell));
      rows.push_back(std::move(cells));
    }
    out += HtmlTable("Time to remediate by severity, every control", columns, rows);
  }
  out += "<h3>By control</h3>\n";
  if (per_control.empty()) return out + HtmlNoData("No figures per control.");
  std::vector<HtmlColumn> columns = {{"Control", CellKind::kCode},
                                     {"Severity", CellKind::kSeverity}};
  columns.insert(columns.end(), kRemediationColumns.begin(), kRemediationColumns.end());
  std::vector<std::vector<std::string>> rows;
  for (const auto* row : per_control) {
    std::vector<std::string> cells = {row->control, row->severity};
    for (auto& cell : RemediationCells(*row)) cells.push_back(std::move(cell));
    rows.push_back(std::move(cells));
  }
  return out + HtmlTable("Time to remediate by control and severity", columns, rows);
}

std::string HtmlRegister(const ledger::Metrics& metrics) {
  const auto& risks = metrics.open_risks;
  if (risks.empty()) return HtmlNoData("No open risks: every finding seen is gone.");
  const RegisterCounts counts = CountRegister(metrics);
  std::string out = "<p>" + std::to_string(counts.open) + " findings still present in their " +
                    "repository's latest evidence, " + std::to_string(counts.accepted) +
                    " of them accepted by a waiver; worst first, then oldest.</p>\n";
  const std::vector<HtmlColumn> columns = {
      {"Rule", CellKind::kCode},       {"Severity", CellKind::kSeverity},
      {"Repository", CellKind::kText}, {"Path", CellKind::kCode},
      {"First seen", CellKind::kText}, {"Age (days)", CellKind::kNumber},
      {"Status", CellKind::kText},     {"Owner", CellKind::kText},
      {"Waiver", CellKind::kText},     {"Fingerprint", CellKind::kCode},
  };
  std::vector<std::vector<std::string>> rows;
  const std::size_t shown = std::min(risks.size(), kHtmlMaxRegisterRows);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& risk = risks[i];
    std::string waiver = risk.waiver_id;
    if (!risk.expires.empty()) waiver += (waiver.empty() ? "" : ", ") + ("expires " + risk.expires);
    rows.push_back({RiskRule(risk), risk.severity, risk.repository, risk.path, risk.first_seen,
                    FormatDays(risk.age_days), risk.status,
                    risk.owner.empty() ? "unassigned" : risk.owner, waiver, risk.fingerprint});
  }
  out += HtmlTable("Open-risk register", columns, rows);
  return out + HtmlMoreRows(shown, risks.size(), "open risks");
}

std::string HtmlWorstRepositories(const ledger::Metrics& metrics) {
  const auto& repositories = metrics.worst_repositories;
  if (repositories.empty()) return HtmlNoData("No repository has an open risk.");
  const std::vector<HtmlColumn> columns = {
      {"Repository", CellKind::kText},
      {"Critical", CellKind::kNumber},
      {"High", CellKind::kNumber},
      {"Medium", CellKind::kNumber},
      {"Low", CellKind::kNumber},
      {"Info", CellKind::kNumber},
      {"Expired waivers", CellKind::kNumber},
      {"Last run", CellKind::kText},
  };
  std::vector<std::vector<std::string>> rows;
  const std::size_t shown = std::min(repositories.size(), kHtmlMaxRows);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& r = repositories[i];
    rows.push_back({r.repository, std::to_string(r.critical), std::to_string(r.high),
                    std::to_string(r.medium), std::to_string(r.low), std::to_string(r.info),
                    std::to_string(r.expired_waivers), r.last_run});
  }
  return "<p>Ranked by open risks, critical first, then high and so on.</p>\n" +
         HtmlTable("Repositories by open risk", columns, rows) +
         HtmlMoreRows(shown, repositories.size(), "repositories");
}

}  // namespace riskgate::dashboard
