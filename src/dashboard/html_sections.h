// Dashboard, HTML page: the body of each section card (dashboard_html.cc lists them, gives each
// its heading and puts them in order). Input: Metrics; output: HTML whose every string from
// Metrics is escaped, with "no data" text where a list is empty. No I/O.
#pragma once

#include <cstddef>
#include <string>

#include "ledger/metrics.h"

namespace riskgate::dashboard {

// Long tables are cut at these many rows, with a note saying how many more there are.
inline constexpr std::size_t kHtmlMaxRegisterRows = 200;
inline constexpr std::size_t kHtmlMaxOldestWaivers = 50;
inline constexpr std::size_t kHtmlMaxRows = 200;

// html_risk_sections.cc: where the risk stands.
std::string HtmlHeadline(const ledger::Metrics& metrics);
std::string HtmlTrends(const ledger::Metrics& metrics);
std::string HtmlRemediation(const ledger::Metrics& metrics);
std::string HtmlRegister(const ledger::Metrics& metrics);
std::string HtmlWorstRepositories(const ledger::Metrics& metrics);

// html_program_sections.cc: how the program's controls are used.
std::string HtmlExceptions(const ledger::Metrics& metrics);
std::string HtmlThreatModels(const ledger::Metrics& metrics);
std::string HtmlAdoption(const ledger::Metrics& metrics);
std::string HtmlFriction(const ledger::Metrics& metrics);

}  // namespace riskgate::dashboard
