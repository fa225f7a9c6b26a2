// Stage 3 (evaluate): checksums providers embed in their tokens. A token whose checksum holds was
// issued in that format (high confidence); one whose checksum fails was typed, truncated or made
// up, so it is not reported as that provider's live token.
#pragma once

#include <string_view>

#include "policy/secret_rule.h"

namespace riskgate::evaluate::secrets {

// Whether `token` (the rule's secret, prefix included) carries a valid `checksum`; true for
// kNone.
bool ChecksumHolds(policy::TokenChecksum checksum, std::string_view token);

}  // namespace riskgate::evaluate::secrets
