// Stage 3 (evaluate): a repository's `.github/dependabot.yml`, read as pipeline config: what
// Dependabot may run and how soon it proposes a release. `dependabot-execution`: an update
// entry allows insecure external code execution (a package manager runs the dependencies'
// install scripts or build code with Dependabot's credentials to the private registries the
// file names); `dependabot-cooldown`: an update entry proposes a release the day it appears
// (no `cooldown:`, or `default-days` below 7), before a hijacked release is usually caught.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

// The fewest days riskgate accepts between a release and Dependabot's proposal of it.
inline constexpr int kMinCooldownDays = 7;

// Whether `path` is the file Dependabot reads (.github/dependabot.yml or .yaml).
bool IsDependabotConfig(std::string_view path);

// The issues of the file; one that does not parse is `unparsable-config`.
std::vector<PinIssue> CheckDependabotConfig(std::string_view text, const std::string& path);

}  // namespace riskgate::evaluate::pins
