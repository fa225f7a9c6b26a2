#include "dashboard/dashboard.h"

#include <array>
#include <utility>

#include "dashboard/writers.h"

namespace riskgate::dashboard {
namespace {

constexpr std::array<std::pair<std::string_view, DashboardFormat>, 5> kFormats = {{
    {"html", DashboardFormat::kHtml},
    {"markdown", DashboardFormat::kMarkdown},
    {"json", DashboardFormat::kJson},
    {"csv", DashboardFormat::kCsv},
    {"openmetrics", DashboardFormat::kOpenMetrics},
}};

}  // namespace

std::optional<DashboardFormat> ParseDashboardFormat(std::string_view name) {
  for (const auto& [format_name, format] : kFormats) {
    if (format_name == name) return format;
  }
  return std::nullopt;
}

std::string_view DashboardFormatName(DashboardFormat format) {
  for (const auto& [format_name, candidate] : kFormats) {
    if (candidate == format) return format_name;
  }
  return "";
}

std::string WriteDashboard(DashboardFormat format, const ledger::Metrics& metrics) {
  switch (format) {
    case DashboardFormat::kHtml:
      return WriteHtml(metrics);
    case DashboardFormat::kMarkdown:
      return WriteMarkdown(metrics);
    case DashboardFormat::kJson:
      return WriteJson(metrics);
    case DashboardFormat::kCsv:
      return WriteCsv(metrics);
    case DashboardFormat::kOpenMetrics:
      return WriteOpenMetrics(metrics);
  }
  return "";
}

}  // namespace riskgate::dashboard
