// Stage 5 (report): the history trail of a finding (riskgate history) and the audit's scope as
// JSON, shared by the JSON report and SARIF's result properties, and read back by merge.
#pragma once

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/scope.h"

namespace riskgate::report {

nlohmann::ordered_json HistoryJson(const core::Finding& finding);
nlohmann::ordered_json HistoryScopeJson(const core::HistoryScope& scope);

}  // namespace riskgate::report
