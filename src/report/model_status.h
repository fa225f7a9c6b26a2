// Stage 5 (report): the threat-model coverage report (`riskgate threat-model status`) as text
// or JSON: per component its models, age, missing parts, open residual risks and owners, and
// the share of high-tier components with a usable model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_status.h"

namespace riskgate::report {

enum class StatusFormat { kText, kJson };

std::optional<StatusFormat> ParseStatusFormat(std::string_view name);

std::string WriteModelStatus(StatusFormat format, const std::vector<core::ComponentStatus>& rows);

}  // namespace riskgate::report
