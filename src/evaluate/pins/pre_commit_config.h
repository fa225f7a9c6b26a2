// Stage 3 (evaluate): a repository's `.pre-commit-config.yaml`, read as pipeline config. Every
// hook repository it lists runs its code on each developer's machine and in CI at the `rev:`
// it names; a tag or branch there is code whoever can move it decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

// Whether `path` is the configuration pre-commit reads (at the repository's root).
bool IsPreCommitConfig(std::string_view path);

// `unpinned-pre-commit-hook` for each remote hook repository whose `rev:` is not a full commit
// SHA (`local` and `meta` run nothing fetched); a file that does not parse is
// `unparsable-config`.
std::vector<PinIssue> CheckPreCommitConfig(std::string_view text, const std::string& path);

}  // namespace riskgate::evaluate::pins
