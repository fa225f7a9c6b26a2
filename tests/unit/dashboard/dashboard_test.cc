#include "dashboard/dashboard.h"

#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

constexpr DashboardFormat kAll[] = {DashboardFormat::kHtml, DashboardFormat::kMarkdown,
                                    DashboardFormat::kJson, DashboardFormat::kCsv,
                                    DashboardFormat::kOpenMetrics};

}  // namespace

TEST_CASE("every dashboard format name parses and reads back", "[dashboard]") {
  for (const char* name : {"html", "markdown", "json", "csv", "openmetrics"}) {
    const auto format = ParseDashboardFormat(name);
    REQUIRE(format.has_value());
    CHECK(DashboardFormatName(*format) == name);
  }
  CHECK_FALSE(ParseDashboardFormat("HTML").has_value());
  CHECK_FALSE(ParseDashboardFormat("pdf").has_value());
  CHECK_FALSE(ParseDashboardFormat("").has_value());
}

TEST_CASE("every format writes the same bytes for the same metrics", "[dashboard]") {
  const auto metrics = testing::SampleMetrics();
  for (const auto format : kAll) {
    const std::string first = WriteDashboard(format, metrics);
    CHECK_FALSE(first.empty());
    CHECK(WriteDashboard(format, metrics) == first);
    CHECK(WriteDashboard(format, testing::SampleMetrics()) == first);
  }
}

TEST_CASE("an empty ledger renders in every format without NaN or infinities", "[dashboard]") {
  const std::regex not_a_number(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
  for (const auto format : kAll) {
    const std::string text = WriteDashboard(format, testing::EmptyMetrics());
    INFO(DashboardFormatName(format));
    CHECK_FALSE(text.empty());
    CHECK_FALSE(std::regex_search(text, not_a_number));
  }
}

TEST_CASE("the sample dashboard has no NaN or infinities in any format", "[dashboard]") {
  const std::regex not_a_number(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
  for (const auto format : kAll) {
    INFO(DashboardFormatName(format));
    CHECK_FALSE(std::regex_search(WriteDashboard(format, testing::SampleMetrics()), not_a_number));
  }
}

}  // namespace riskgate::dashboard
