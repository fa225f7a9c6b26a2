#include "report/report.h"

namespace riskgate::report {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

std::string_view FormatNames() { return "text, json"; }

std::string_view ToolVersion() { return RISKGATE_VERSION; }

std::string Render(Format format, const ReportInput& input, const TextStyle& style) {
  switch (format) {
    case Format::kText:
      return WriteText(input, style);
    case Format::kJson:
      return WriteJson(input);
  }
  return {};
}

}  // namespace riskgate::report
