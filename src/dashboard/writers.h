// Dashboard, internal: one writer per format, each a pure function from Metrics to the
// document's text (dashboard.cc dispatches to them). No I/O.
#pragma once

#include <string>

#include "ledger/metrics.h"

namespace riskgate::dashboard {

// One self-contained HTML page: inline CSS and SVG, no script, nothing fetched.
std::string WriteHtml(const ledger::Metrics& metrics);
// GitHub-flavoured Markdown for a wiki page or a merge request comment.
std::string WriteMarkdown(const ledger::Metrics& metrics);
// The whole of Metrics as one JSON object.
std::string WriteJson(const ledger::Metrics& metrics);
// One long-format RFC 4180 table: section,repository,name,dimension,value.
std::string WriteCsv(const ledger::Metrics& metrics);
// OpenMetrics text exposition, gauges named riskgate_*, ending with "# EOF".
std::string WriteOpenMetrics(const ledger::Metrics& metrics);

}  // namespace riskgate::dashboard
