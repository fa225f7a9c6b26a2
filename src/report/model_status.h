// Stage 5 (report): the threat-model coverage report (`riskgate threat-model status`) as text
// or JSON: per component its models, age, missing parts, open residual risks and owners, and
// the share of high-tier components with a usable model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_status.h"
#include "report/origin.h"

namespace riskgate::report {

enum class StatusFormat { kText, kJson };

std::optional<StatusFormat> ParseStatusFormat(std::string_view name);

// `origin` goes into the JSON document only (what `riskgate ledger ingest` reads).
std::string WriteModelStatus(StatusFormat format, const std::vector<core::ComponentStatus>& rows,
                             const ReportOrigin& origin = {});

}  // namespace riskgate::report
