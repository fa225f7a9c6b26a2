// Stage 3 (evaluate): the secrets control over a change: every fragment through the scanner (on
// every core when there is enough text), repeats of one secret folded into one finding.
#pragma once

#include "collect/facts.h"
#include "evaluate/evaluate.h"
#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

Evaluation EvaluateSecrets(const collect::ChangeFacts& facts,
                           const policy::SecretsControl& control);

}  // namespace riskgate::evaluate::secrets
