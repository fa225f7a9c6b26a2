// Stage 3 (evaluate): floating version ranges in manifests (package.json dependencies with
// ^, ~, *, x, >=, latest; requirements.txt lines without ==), checked when the policy asks.
#pragma once

#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckPackageJson(std::string_view text);
std::vector<PinIssue> CheckRequirementsTxt(std::string_view text);

}  // namespace riskgate::evaluate::pins
