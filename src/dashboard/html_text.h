// Dashboard, shared by the HTML page and its SVG charts: escaping and the building blocks every
// section uses (tables with caption and header scopes, "no data" and "N more" notes). Every
// text given here is escaped here; callers pass plain text. No I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::dashboard {

// Text for HTML element content or a quoted attribute: control characters and invalid UTF-8 as
// \xNN text (core::EscapeForDisplay), then & < > " ' as character references.
std::string HtmlEscape(std::string_view text);

// How a table column's cells are written.
enum class CellKind {
  kText,
  kNumber,    // right-aligned, tabular figures
  kSeverity,  // the severity's name with a marker shaped and coloured by severity
  kCode,      // identifiers: rules, paths, commits, fingerprints
};

struct HtmlColumn {
  std::string header;
  CellKind kind = CellKind::kText;
};

// A table in a scrollable region: <caption>, column headers with scope="col", and each row's
// first cell as its header (scope="row"). Rows shorter than the columns are padded.
std::string HtmlTable(std::string_view caption, const std::vector<HtmlColumn>& columns,
                      const std::vector<std::vector<std::string>>& rows);

// A paragraph saying there is nothing to show.
std::string HtmlNoData(std::string_view text);

// "Showing the first 200 of 1234 open risks; 1034 more are in the JSON and CSV outputs.", or
// nothing when every row is shown.
std::string HtmlMoreRows(std::size_t shown, std::size_t total, std::string_view noun);

// A card: <section id="id"> labelled by its <h2>, around `body`.
std::string HtmlSection(std::string_view id, std::string_view heading, const std::string& body);

// A <details> disclosure holding `content` under the summary "Data table: <summary>".
std::string HtmlDataDetails(std::string_view summary, const std::string& content);

}  // namespace riskgate::dashboard
