// Dashboard, HTML page: inline SVG charts drawn from plain numbers. Input: a chart's title,
// labels and series; output: an <svg role="img"> whose aria-labelledby names its <title> and a
// <desc> stating every figure in words. Colours come from CSS classes and currentColor (the
// page's style sheet themes them); series differ by dash pattern, marker shape and a text
// legend too, never by colour alone. Every label is HTML-escaped; absent or non-finite values
// are left out, never drawn. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskgate::dashboard {

// How values are written on the axis, in labels and in the description.
enum class ValueKind {
  kCount,
  kDays,
  kPercent,  // values are shares in [0, 1], written as percentages
};

struct ChartSeries {
  std::string name;                           // the legend's text ("Opened")
  std::vector<std::optional<double>> values;  // one per label; absent = no data
};

struct ChartSpec {
  std::string id;                   // unique in the page, [a-z0-9-] only: prefixes the element ids
  std::string title;                // "Open findings per week"
  std::vector<std::string> labels;  // x positions (line chart) or categories (bar chart)
  std::vector<ChartSeries> series;  // at most four are styled apart
  ValueKind kind = ValueKind::kCount;
};

// A line per series over the labels (weeks), with a marker per value.
std::string LineChart(const ChartSpec& spec);

// Horizontal bars: a group per label, a bar per series, each with its value written at its end.
std::string BarChart(const ChartSpec& spec);

enum class ChartShape { kLine, kBar };

// The figures in words, as the chart's <desc> says them: "Open findings per week from
// 2026-06-01 to 2026-06-15: 12, 10, 9." (line) or "Median days: critical 3.5, high 7." (bar).
std::string ChartDescription(const ChartSpec& spec, ChartShape shape);

// A value as the charts write it: "12", "3.5", "12.5%"; "no data" when absent.
std::string ChartValue(ValueKind kind, std::optional<double> value);

}  // namespace riskgate::dashboard
