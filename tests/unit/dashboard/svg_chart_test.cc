#include "dashboard/svg_chart.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace riskgate::dashboard {

TEST_CASE("a line chart describes every value in words and marks absent ones", "[dashboard]") {
  const ChartSpec spec{"runs",
                       "Check runs per week",
                       {"2026-06-01", "2026-06-08", "2026-06-15"},
                       {{"Check runs", {12, std::nullopt, 9}}},
                       ValueKind::kCount};
  CHECK(ChartDescription(spec, ChartShape::kLine) ==
        "Check runs per week from 2026-06-01 to 2026-06-15: 12, no data, 9.");
  const std::string svg = LineChart(spec);
  CHECK_THAT(svg, Catch::StartsWith("<svg class=\"chart line-chart\""));
  CHECK_THAT(svg, Catch::Contains("aria-labelledby=\"runs-title runs-desc\""));
  CHECK_THAT(svg, Catch::Contains("<title id=\"runs-title\">Check runs per week</title>"));
  // Two values apart: two lone markers and no line between them.
  CHECK_THAT(svg, !Catch::Contains("<polyline"));
  CHECK_THAT(svg, Catch::Contains("<title>Check runs, 2026-06-15: 9</title>"));
  CHECK_THAT(svg, Catch::EndsWith("</svg>\n"));
}

TEST_CASE("a chart's axis rounds up to a readable maximum", "[dashboard]") {
  const ChartSpec counts{"c", "Counts", {"a", "b"}, {{"n", {12, 3}}}, ValueKind::kCount};
  const std::string svg = LineChart(counts);
  CHECK_THAT(svg, Catch::Contains(">15</text>"));
  CHECK_THAT(svg, !Catch::Contains(">20</text>"));
  const ChartSpec shares{"s", "Shares", {"a"}, {{"n", {0.07}}}, ValueKind::kPercent};
  CHECK_THAT(LineChart(shares), Catch::Contains(">8%</text>"));
  CHECK(ChartValue(ValueKind::kPercent, 0.125) == "12.5%");
  CHECK(ChartValue(ValueKind::kDays, 2.25) == "2.2");
  CHECK(ChartValue(ValueKind::kCount, std::nullopt) == "no data");
}

TEST_CASE("charts of zeros, absent or non-finite values draw no NaN", "[dashboard]") {
  const double nan = std::nan("");
  const double inf = std::numeric_limits<double>::infinity();
  const ChartSpec spec{"z",
                       "Nothing yet",
                       {"a", "b", "c"},
                       {{"x", {0, std::nullopt, nan}}, {"y", {inf, 0, 0}}},
                       ValueKind::kDays};
  for (const std::string& svg : {LineChart(spec), BarChart(spec)}) {
    CHECK_THAT(svg, !Catch::Contains("nan", Catch::CaseSensitive::No));
    CHECK_THAT(svg, !Catch::Contains("inf", Catch::CaseSensitive::No));
  }
  CHECK_THAT(BarChart(spec), Catch::Contains("width=\"0\""));
  CHECK_THAT(BarChart(spec), Catch::Contains(">x no data</text>"));
  const ChartSpec empty{"e", "Empty", {}, {}, ValueKind::kCount};
  CHECK(ChartDescription(empty, ChartShape::kLine) == "Empty: no data.");
  CHECK_THAT(LineChart(empty), Catch::Contains("<desc id=\"e-desc\">Empty: no data.</desc>"));
  CHECK_THAT(BarChart(empty), Catch::Contains("role=\"img\""));
}

TEST_CASE("a bar chart writes each bar's value and series as text", "[dashboard]") {
  const ChartSpec spec{"ttr",
                       "Days to remediate",
                       {"critical", "high"},
                       {{"median", {3.5, 7}}, {"90th percentile", {9, 30}}},
                       ValueKind::kDays};
  CHECK(ChartDescription(spec, ChartShape::kBar) ==
        "Days to remediate. median: critical 3.5, high 7. 90th percentile: critical 9, high 30.");
  const std::string svg = BarChart(spec);
  CHECK_THAT(svg, Catch::Contains(">median 3.5</text>"));
  CHECK_THAT(svg, Catch::Contains(">90th percentile 30</text>"));
  CHECK_THAT(svg, Catch::Contains("<rect class=\"bar b2\""));
  CHECK_THAT(svg, Catch::Contains("<g class=\"legend\">"));
}

TEST_CASE("chart labels and titles are escaped and long labels are clipped", "[dashboard]") {
  const ChartSpec spec{"x",
                       "A & B <i>",
                       {"repo \"one\" with a name far longer than the column"},
                       {{"n'", {1}}},
                       ValueKind::kCount};
  const std::string svg = BarChart(spec);
  CHECK_THAT(svg, Catch::Contains("<title id=\"x-title\">A &amp; B &lt;i&gt;</title>"));
  CHECK_THAT(svg, Catch::Contains(">repo &quot;one&quot; with a name f\xe2\x80\xa6</text>"));
  CHECK_THAT(svg, Catch::Contains("<title>repo &quot;one&quot; with a name far longer than the "
                                  "column, 1</title>"));
  CHECK_THAT(svg, !Catch::Contains("<i>"));
}

}  // namespace riskgate::dashboard
