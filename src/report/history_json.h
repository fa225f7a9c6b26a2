// Stage 5 (report): the history trail of a finding (riskgate history) and the audit's scope as
// JSON, shared by the JSON report and SARIF's result properties, and read back by merge.
#pragma once

#include "core/finding.h"
#include "core/json_out.h"
#include "core/scope.h"

namespace riskgate::report {

core::JsonOut HistoryJson(const core::JudgedFinding& finding);
core::JsonOut HistoryScopeJson(const core::HistoryScope& scope);

}  // namespace riskgate::report
