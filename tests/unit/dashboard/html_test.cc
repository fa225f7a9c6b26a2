#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "dashboard/dashboard.h"
#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

std::string Html(const ledger::Metrics& metrics) {
  return WriteDashboard(DashboardFormat::kHtml, metrics);
}

std::size_t Count(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// The text of every element `tag` (from "<tag" to "</tag>").
std::vector<std::string> Elements(const std::string& html, std::string_view tag) {
  std::vector<std::string> out;
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const auto end = html.find(close, at);
    if (end == std::string::npos) break;
    out.push_back(html.substr(at, end + close.size() - at));
  }
  return out;
}

// The SVG chart whose id is `id`.
std::string Chart(const std::string& html, std::string_view id) {
  for (const auto& svg : Elements(html, "svg")) {
    if (svg.find("<title id=\"" + std::string(id) + "-title\">") != std::string::npos) return svg;
  }
  return "";
}

}  // namespace

TEST_CASE("the HTML page is self-contained with no script and nothing fetched", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK_THAT(html, Catch::Contains("<meta http-equiv=\"Content-Security-Policy\" "
                                   "content=\"default-src 'none'; style-src 'unsafe-inline'; "
                                   "img-src data:\">"));
  CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
  CHECK_THAT(html, !Catch::Contains("<script", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("<link", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("<img", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("src=", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("url(", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("@import", Catch::CaseSensitive::No));
  CHECK_THAT(html, !Catch::Contains("@font-face", Catch::CaseSensitive::No));
  CHECK_FALSE(std::regex_search(html, std::regex(R"(\son[a-z]+=)", std::regex::icase)));
  // Every link stays in the page.
  const std::regex href(R"(href="([^"]*)\")");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    CHECK_THAT((*it)[1].str(), Catch::StartsWith("#"));
  }
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
}

TEST_CASE("the HTML page has one h1 and a labelled section per part of the program",
          "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  CHECK(Count(html, "<h1") == 1);
  for (const char* id : {"headline", "trends", "remediation", "register", "exceptions",
                         "threat-models", "adoption", "friction", "worst-repositories"}) {
    INFO(id);
    CHECK_THAT(html, Catch::Contains("<section class=\"card\" id=\"" + std::string(id) +
                                     "\" aria-labelledby=\"" + id + "-heading\">\n<h2 id=\"" + id +
                                     "-heading\">"));
    CHECK_THAT(html, Catch::Contains("<a href=\"#" + std::string(id) + "\">"));
  }
}

TEST_CASE("the HTML page follows dark mode and prints legibly", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  CHECK_THAT(html, Catch::Contains("@media (prefers-color-scheme: dark)"));
  CHECK_THAT(html, Catch::Contains("@media print"));
  CHECK_THAT(html, Catch::Contains("break-inside: avoid"));
  CHECK_THAT(html, Catch::Contains("box-shadow: none"));
  CHECK_THAT(html, Catch::Contains("fill: currentColor"));
  CHECK_THAT(html, Catch::Contains("stroke: var(--s1)"));
  // Charts take colours from classes, never from fixed fill or stroke attributes.
  for (const auto& svg : Elements(html, "svg")) {
    CHECK_THAT(svg, !Catch::Contains(" fill=\"#"));
    CHECK_THAT(svg, !Catch::Contains(" stroke=\"#"));
  }
}

TEST_CASE("the HTML page shows the headline figures", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  CHECK_THAT(html, Catch::Contains("<div class=\"tile sev-critical\"><dt>Open critical risks</dt>"
                                   "<dd class=\"value\">2</dd><dd class=\"note\">1 accepted</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Open high risks</dt><dd class=\"value\">1</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Median days to remediate critical</dt><dd "
                                   "class=\"value\">3.5</dd><dd class=\"note\">over 4 "
                                   "remediated</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>High-tier threat-model coverage</dt><dd "
                                   "class=\"value\">75%</dd><dd class=\"note\">3 of 4 "
                                   "components</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Action uses pinned to a SHA</dt><dd class=\"value\">80%"
                                   "</dd><dd class=\"note\">16 of 20 uses</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Gate block rate</dt><dd class=\"value\">5%</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Expired waivers</dt><dd class=\"value\">1</dd><dd "
                                   "class=\"note\">of 4 waivers</dd>"));
  CHECK_THAT(html, Catch::Contains("<time datetime=\"2026-11-30\">2026-11-30</time>"));
}

TEST_CASE("every chart of the HTML page is an accessible image with its figures in words",
          "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  const auto charts = Elements(html, "svg");
  REQUIRE(charts.size() >= 7);
  const std::regex labelled(R"(aria-labelledby="([a-z0-9-]+)-title ([a-z0-9-]+)-desc")");
  for (const auto& svg : charts) {
    CHECK_THAT(svg, Catch::Contains("role=\"img\""));
    std::smatch match;
    REQUIRE(std::regex_search(svg, match, labelled));
    CHECK(match[1] == match[2]);
    CHECK_THAT(svg, Catch::Contains("<title id=\"" + match[1].str() + "-title\">"));
    CHECK_THAT(svg, Catch::Contains("<desc id=\"" + match[1].str() + "-desc\">"));
    CHECK(Count(html, "id=\"" + match[1].str() + "-title\"") == 1);
  }
  CHECK_THAT(Chart(html, "trend-open"),
             Catch::Contains("<desc id=\"trend-open-desc\">Open findings per week from 2026-09-07 "
                             "to 2026-11-23: 12, 12, 11, 11, 10, 10, 9, 9, 8, 8, 7, 7.</desc>"));
  CHECK_THAT(Chart(html, "trend-flow"),
             Catch::Contains("Findings opened and remediated per week from 2026-09-07 to "
                             "2026-11-23. Opened: 3, 4, 5, 3,"));
  CHECK_THAT(Chart(html, "remediation-days"),
             Catch::Contains("<desc id=\"remediation-days-desc\">Days to remediate by severity. "
                             "median: critical 3.5, high 7.2, medium no data. 90th percentile: "
                             "critical 9, high 30, medium no data.</desc>"));
  CHECK_THAT(Chart(html, "waivers-by-age"),
             Catch::Contains("Waivers by age in days: 0-30 1, 31-90 1, 91-180 1, 181+ 1."));
}

TEST_CASE("every chart of the HTML page is followed by a table of its numbers", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  for (auto at = html.find("</svg>"); at != std::string::npos; at = html.find("</svg>", at + 1)) {
    const auto table = html.find("<table>", at);
    const auto next_chart = html.find("<svg", at);
    REQUIRE(table != std::string::npos);
    CHECK(table < next_chart);
  }
  CHECK_THAT(html, Catch::Contains("<details class=\"data\">\n<summary>Data table: Open findings "
                                   "per week</summary>"));
}

TEST_CASE("every HTML table has a caption and scoped header cells", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  const auto tables = Elements(html, "table");
  REQUIRE(tables.size() > 10);
  for (const auto& table : tables) {
    CHECK_THAT(table, Catch::StartsWith("<table>\n<caption>"));
    CHECK(Count(table, "<th>") == 0);
    CHECK(Count(table, "<th ") == Count(table, "<th scope=\""));
  }
  CHECK_THAT(html, Catch::Contains("<th scope=\"row\"><code>secrets/aws-access-key</code></th>"));
  CHECK_THAT(html, Catch::Contains("<td class=\"sev sev-critical\">critical</td>"));
}

TEST_CASE("colour is never the only carrier of meaning in the HTML page", "[dashboard]") {
  const std::string html = Html(testing::SampleMetrics());
  // Series differ by dash pattern and marker shape, and have a text legend.
  const std::string flow = Chart(html, "trend-flow");
  CHECK_THAT(flow, Catch::Contains("stroke-dasharray=\"8 4\""));
  CHECK_THAT(flow, Catch::Contains("<circle class=\"m1\""));
  CHECK_THAT(flow, Catch::Contains("<rect class=\"m2\""));
  CHECK_THAT(flow, Catch::Contains(">Opened</text>"));
  CHECK_THAT(flow, Catch::Contains(">Remediated</text>"));
  // Bars carry their value as text; severities and yes/no facts are words.
  CHECK_THAT(Chart(html, "remediation-days"), Catch::Contains(">median 3.5</text>"));
  CHECK_THAT(html, Catch::Contains("<td>no</td>"));
}

TEST_CASE("a week without check runs leaves a gap in the block-rate line, not a NaN",
          "[dashboard]") {
  const std::string chart = Chart(Html(testing::SampleMetrics()), "trend-block-rate");
  REQUIRE_FALSE(chart.empty());
  CHECK_THAT(chart, Catch::Contains("no data"));
  CHECK(Count(chart, "<polyline") == 2);
  CHECK(Count(chart, "<circle") == 11);
}

TEST_CASE("every string from the metrics is escaped in the HTML page, SVG labels included",
          "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].repository = testing::kHostile;
  metrics.open_risks[0].owner = testing::kHostile;
  metrics.remediation[0].severity = testing::kHostile;
  metrics.exceptions.by_age[0].name = testing::kHostile;
  metrics.exceptions.oldest[0].id = testing::kHostile;
  metrics.trend.back().week = testing::kHostile;
  metrics.threat_models.components[0].component = testing::kHostile;
  metrics.adoption.repositories[0].repository = testing::kHostile;
  metrics.now = testing::kHostile;
  const std::string html = Html(metrics);
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, !Catch::Contains("'x'"));
  CHECK_THAT(html, !Catch::Contains("\"q\""));
  const std::string escaped =
      "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot; | `t` \\ "
      "=cmd,&#x0A;next";
  CHECK_THAT(html, Catch::Contains("<time datetime=\"" + escaped + "\">"));
  CHECK_THAT(html, Catch::Contains("<td>" + escaped + "</td>"));
  // In the SVG: the x-axis label (clipped), the marker's title and the description.
  const std::string trend = Chart(html, "trend-open");
  CHECK_THAT(trend,
             Catch::Contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/scri\xe2\x80\xa6</text>"));
  CHECK_THAT(trend, Catch::Contains("<title>Open findings, " + escaped + ": 7</title>"));
  CHECK_THAT(Chart(html, "waivers-by-age"), Catch::Contains(escaped + " 1"));
}

TEST_CASE("an empty ledger gives an HTML page with no-data notes", "[dashboard]") {
  const std::string html = Html(testing::EmptyMetrics());
  CHECK(Count(html, "<h1") == 1);
  CHECK_THAT(html, Catch::Contains("No check runs in the ledger yet, so there is no trend"));
  CHECK_THAT(html, Catch::Contains("No open risks"));
  CHECK_THAT(html, Catch::Contains("No waivers are listed"));
  CHECK_THAT(html, Catch::Contains("No high-tier components are declared"));
  CHECK_THAT(html, Catch::Contains("<dt>Gate block rate</dt><dd class=\"value\">n/a</dd>"));
  CHECK_THAT(html, Catch::Contains("<dt>Median days to remediate critical</dt><dd "
                                   "class=\"value\">n/a</dd><dd class=\"note\">none remediated "
                                   "yet</dd>"));
  CHECK_THAT(html, !Catch::Contains("<time"));
  CHECK_THAT(Chart(html, "adoption-shares"),
             Catch::Contains("Adoption of secure defaults: Action uses SHA-pinned no data,"));
}

TEST_CASE("the open-risk register is cut at 200 rows with a note of how many more", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  const auto risk = metrics.open_risks.front();
  metrics.open_risks.clear();
  for (int i = 0; i < 250; ++i) {
    metrics.open_risks.push_back(risk);
    metrics.open_risks.back().fingerprint = "fp-" + std::to_string(i);
  }
  const std::string html = Html(metrics);
  CHECK_THAT(html, Catch::Contains("<code>fp-199</code>"));
  CHECK_THAT(html, !Catch::Contains("<code>fp-200</code>"));
  CHECK_THAT(html, Catch::Contains("Showing the first 200 of 250 open risks; 50 more are in the "
                                   "JSON and CSV outputs."));
}

TEST_CASE("the oldest-exceptions table lists at most 50 waivers", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  const auto waiver = metrics.exceptions.oldest.front();
  metrics.exceptions.oldest.clear();
  for (int i = 0; i < 60; ++i) {
    metrics.exceptions.oldest.push_back(waiver);
    metrics.exceptions.oldest.back().id = "W-" + std::to_string(1000 + i);
  }
  const std::string html = Html(metrics);
  CHECK_THAT(html, Catch::Contains("<code>W-1049</code>"));
  CHECK_THAT(html, !Catch::Contains("<code>W-1050</code>"));
  CHECK_THAT(html, Catch::Contains("Showing the first 50 of 60 waivers"));
}

}  // namespace riskgate::dashboard
