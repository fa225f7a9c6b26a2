#include "dashboard/html_text.h"

#include "core/text.h"
#include "dashboard/headline.h"
#include "report/text_escape.h"

namespace riskgate::dashboard {
namespace {

std::string SeverityClass(std::string_view severity) {
  for (const auto known : kSeverityNames) {
    if (severity == known) return "sev sev-" + std::string(known);
  }
  return "sev sev-other";
}

std::string Cell(const HtmlColumn& column, std::string_view text, bool row_header) {
  std::string open = row_header ? "<th scope=\"row\"" : "<td";
  const std::string close = row_header ? "</th>" : "</td>";
  switch (column.kind) {
    case CellKind::kText:
      return open + ">" + HtmlEscape(text) + close;
    case CellKind::kNumber:
      return open + " class=\"num\">" + HtmlEscape(text) + close;
    case CellKind::kSeverity:
      return open + " class=\"" + SeverityClass(text) + "\">" + HtmlEscape(text) + close;
    case CellKind::kCode:
      return open + "><code>" + HtmlEscape(text) + "</code>" + close;
  }
  return open + ">" + close;
}

}  // namespace

std::string HtmlEscape(std::string_view text) { return report::HtmlEscape(text); }

std::string HtmlTable(std::string_view caption, const std::vector<HtmlColumn>& columns,
                      const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" +
                    HtmlEscape(caption) + "\">\n<table>\n<caption>" + HtmlEscape(caption) +
                    "</caption>\n<thead><tr>";
  for (const auto& column : columns) {
    out += column.kind == CellKind::kNumber ? "<th scope=\"col\" class=\"num\">"
                                            : "<th scope=\"col\">";
    out += HtmlEscape(column.header) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      out += Cell(columns[i], i < row.size() ? std::string_view(row[i]) : "", i == 0);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string HtmlNoData(std::string_view text) {
  return "<p class=\"empty\">" + HtmlEscape(text) + "</p>\n";
}

std::string HtmlMoreRows(std::size_t shown, std::size_t total, std::string_view noun) {
  if (shown >= total) return "";
  return "<p class=\"more\">Showing the first " + std::to_string(shown) + " of " +
         std::to_string(total) + " " + HtmlEscape(noun) + "; " + std::to_string(total - shown) +
         " more are in the JSON and CSV outputs.</p>\n";
}

std::string HtmlSection(std::string_view id, std::string_view heading, const std::string& body) {
  const std::string escaped_id = HtmlEscape(id);
  return "<section class=\"card\" id=\"" + escaped_id + "\" aria-labelledby=\"" + escaped_id +
         "-heading\">\n<h2 id=\"" + escaped_id + "-heading\">" + HtmlEscape(heading) + "</h2>\n" +
         body + "</section>\n";
}

std::string HtmlDataDetails(std::string_view summary, const std::string& content) {
  return "<details class=\"data\">\n<summary>Data table: " + HtmlEscape(summary) + "</summary>\n" +
         content + "</details>\n";
}

}  // namespace riskgate::dashboard
