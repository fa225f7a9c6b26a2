// Dashboard (above ledger): the security program's numbers as one document for people and tools.
// Input: ledger::Metrics, a plain value computed beforehand; output: the document text in one
// format (HTML page, Markdown, JSON, CSV, OpenMetrics). Must not do I/O, read the clock or the
// locale: the same Metrics always give the same bytes. Every string from Metrics is escaped for
// its format here, and nothing else changes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ledger/metrics.h"

namespace riskgate::dashboard {

enum class DashboardFormat { kHtml, kMarkdown, kJson, kCsv, kOpenMetrics };

// The format named `name` (html, markdown, json, csv, openmetrics), or nullopt.
std::optional<DashboardFormat> ParseDashboardFormat(std::string_view name);

// The name ParseDashboardFormat reads back.
std::string_view DashboardFormatName(DashboardFormat format);

// The whole dashboard of `metrics` in `format`.
std::string WriteDashboard(DashboardFormat format, const ledger::Metrics& metrics);

}  // namespace riskgate::dashboard
