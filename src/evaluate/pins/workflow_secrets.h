// Stage 3 (evaluate): how a workflow reaches its secrets. `overprovisioned-secrets`: every
// secret at once (`toJSON(secrets)`) or one chosen at run time (`secrets[matrix.name]`), so the
// job holds secrets it has no use for; `unredacted-secrets`: a field of a secret holding JSON
// (`fromJSON(secrets.CREDS).password`), a value GitHub's log masking does not know.
#pragma once

#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckSecretUse(const core::Node& root, const SourceLines& lines);

}  // namespace riskgate::evaluate::pins
