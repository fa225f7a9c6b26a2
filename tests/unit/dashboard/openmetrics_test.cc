#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dashboard/dashboard.h"
#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

std::string OpenMetrics(const ledger::Metrics& metrics) {
  return WriteDashboard(DashboardFormat::kOpenMetrics, metrics);
}

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) {
  return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == ':';
}

// Reads a name at `at`; empty when there is none.
std::string Name(std::string_view line, std::size_t& at) {
  const std::size_t start = at;
  if (at < line.size() && (IsNameStart(line[at]) || line[at] == ':')) {
    while (at < line.size() && IsNameChar(line[at])) ++at;
  }
  return std::string(line.substr(start, at - start));
}

// Checks the exposition's structure as OpenMetrics 1.0 defines it and returns how many samples
// it holds; every problem is a failed check naming the line.
std::size_t CheckExposition(const std::string& text) {
  REQUIRE_THAT(text, Catch::EndsWith("\n# EOF\n"));
  std::istringstream lines(text.substr(0, text.size() - std::string("# EOF\n").size()));
  std::string line;
  std::set<std::string> families;
  std::set<std::string> series;
  std::string family;
  std::string type;
  std::size_t samples = 0;
  while (std::getline(lines, line)) {
    INFO(line);
    REQUIRE_FALSE(line.empty());
    if (line.starts_with("# ")) {
      std::istringstream words(line.substr(2));
      std::string keyword, name, rest;
      words >> keyword >> name;
      std::getline(words, rest);
      REQUIRE_THAT(rest, Catch::StartsWith(" "));
      if (keyword == "TYPE") {
        CHECK(families.insert(name).second);  // each family declared once
        family = name;
        type = rest.substr(1);
        CHECK((type == "gauge" || type == "info"));
      } else {
        CHECK((keyword == "HELP" || keyword == "UNIT"));
        CHECK(name == family);  // metadata follows its family's TYPE
        if (keyword == "UNIT") CHECK_THAT(name, Catch::EndsWith("_" + rest.substr(1)));
        if (keyword == "HELP") CHECK(rest.find('\\') == std::string::npos);
      }
      continue;
    }
    std::size_t at = 0;
    const std::string name = Name(line, at);
    CHECK(name == (type == "info" ? family + "_info" : family));  // samples follow their family
    CHECK_THAT(name, Catch::StartsWith("riskgate_"));
    std::string labels;
    if (at < line.size() && line[at] == '{') {
      const std::size_t open = at++;
      std::set<std::string> label_names;
      while (at < line.size() && line[at] != '}') {
        const std::string label = Name(line, at);
        REQUIRE_FALSE(label.empty());
        CHECK(label_names.insert(label).second);
        REQUIRE(line.substr(at, 2) == "=\"");
        at += 2;
        while (at < line.size() && line[at] != '"') {
          if (line[at] == '\\') {
            REQUIRE(at + 1 < line.size());
            CHECK(std::string_view("\\\"n").find(line[at + 1]) != std::string_view::npos);
            ++at;
          }
          ++at;
        }
        REQUIRE(at < line.size());
        ++at;  // closing quote
        if (line[at] == ',') ++at;
      }
      REQUIRE(at < line.size());
      labels = line.substr(open, at + 1 - open);
      ++at;
    }
    REQUIRE(line.substr(at, 1) == " ");
    const std::string value = line.substr(at + 1);
    CHECK(value.find(' ') == std::string::npos);  // no timestamps
    std::size_t used = 0;
    const double number = std::stod(value, &used);
    CHECK(used == value.size());
    CHECK(std::isfinite(number));
    CHECK(series.insert(name + labels).second);  // no sample twice
    ++samples;
  }
  return samples;
}

}  // namespace

TEST_CASE("the OpenMetrics exposition declares each family once before its samples",
          "[dashboard]") {
  const std::string text = OpenMetrics(testing::SampleMetrics());
  CHECK(CheckExposition(text) > 50);
  CHECK_THAT(text, Catch::StartsWith("# TYPE riskgate_ledger info\n# HELP riskgate_ledger "));
  CHECK_THAT(text, Catch::Contains("\nriskgate_ledger_info{now=\"2026-11-30\",first_run="
                                   "\"2026-06-01\",last_run=\"2026-11-30\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("# TYPE riskgate_time_to_remediate_days gauge\n# HELP "));
  CHECK_THAT(text, Catch::Contains("# UNIT riskgate_time_to_remediate_days days\n"));
}

TEST_CASE("the OpenMetrics exposition has the program's figures as riskgate gauges",
          "[dashboard]") {
  const std::string text = OpenMetrics(testing::SampleMetrics());
  for (const char* sample : {
           "riskgate_ledger_reports 412",
           "riskgate_open_findings{repository=\"github.com/acme/payments\",severity=\"critical\","
           "status=\"accepted\"} 1",
           "riskgate_open_findings{repository=\"github.com/acme/web\",severity=\"high\","
           "status=\"open\"} 1",
           "riskgate_time_to_remediate_days{severity=\"high\",quantile=\"0.5\"} 7.25",
           "riskgate_time_to_remediate_days{severity=\"critical\",control=\"secrets\","
           "quantile=\"0.9\"} 9",
           "riskgate_remediated_findings{severity=\"medium\"} 0",
           "riskgate_open_finding_age_days{severity=\"high\",quantile=\"0.9\"} 75.5",
           "riskgate_waivers{repository=\"github.com/acme/web\",status=\"expired\"} 1",
           "riskgate_waivers_by_age{age_days=\"181+\"} 1",
           "riskgate_waiver_max_age_days 274",
           "riskgate_threat_model_high_tier_coverage_ratio 0.75",
           "riskgate_threat_model_high_tier_components{repository=\"gitlab.com/acme/infra\","
           "covered=\"false\"} 1",
           "riskgate_changes_without_threat_model{repository=\"gitlab.com/acme/infra\"} 1",
           "riskgate_adoption_ratio{default=\"uses_pinned\"} 0.8",
           "riskgate_adoption_ratio{default=\"reviews_on\"} 0.6667",
           "riskgate_repository_adoption_ratio{repository=\"github.com/acme/web\","
           "default=\"uses_pinned\"} 0.6",
           "riskgate_gate_runs{decision=\"block\"} 20",
           "riskgate_gate_block_ratio 0.05",
           "riskgate_gate_time_blocked_days{quantile=\"0.9\"} 2.25",
           "riskgate_repository_gate_runs{repository=\"github.com/acme/payments\","
           "decision=\"warn\"} 30",
           "riskgate_rule_gate_runs{rule=\"pins/unpinned-action\",decision=\"block\"} 8",
       }) {
    CHECK_THAT(text, Catch::Contains("\n" + std::string(sample) + "\n"));
  }
  // Absent figures are left out, never NaN.
  CHECK_THAT(text, !Catch::Contains("default=\"images_pinned\""));
  CHECK_THAT(text, !Catch::Contains("riskgate_time_to_remediate_days{severity=\"medium\""));
  CHECK_THAT(text, !Catch::Contains("repository=\"gitlab.com/acme/infra\",default=\"uses_pinned"));
  CHECK_THAT(text, !Catch::Contains("NaN"));
}

TEST_CASE("OpenMetrics label values escape backslashes, quotes and line breaks", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].repository = "a\\b\"c\nd";
  metrics.friction.by_rule[0].rule = testing::kHostile;
  metrics.exceptions.oldest[0].status = "caf\xc3\xa9\xff";
  const std::string text = OpenMetrics(metrics);
  CheckExposition(text);
  CHECK_THAT(text, Catch::Contains("riskgate_open_findings{repository=\"a\\\\b\\\"c\\\\x0ad\","));
  CHECK_THAT(text, Catch::Contains("{rule=\"<script>alert('x')</script> & \\\"q\\\" | `t` \\\\ "
                                   "=cmd,\\\\x0anext\",decision=\"block\"} 12\n"));
  CHECK_THAT(text, Catch::Contains("status=\"caf\xc3\xa9\\\\xff\"} 1\n"));
}

TEST_CASE("an empty ledger gives a valid OpenMetrics exposition", "[dashboard]") {
  const std::string text = OpenMetrics(testing::EmptyMetrics());
  CheckExposition(text);
  CHECK_THAT(text, Catch::Contains("\nriskgate_ledger_info 1\n"));
  CHECK_THAT(text, Catch::Contains("\nriskgate_ledger_repositories 0\n"));
  CHECK_THAT(text, !Catch::Contains("riskgate_gate_runs{"));
  CHECK_THAT(text, !Catch::Contains("ratio "));
}

}  // namespace riskgate::dashboard
