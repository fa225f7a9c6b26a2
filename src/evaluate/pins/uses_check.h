// Stage 3 (evaluate): one GitHub `uses:` reference judged against the pins policy: a
// `docker://` image without a digest, an action on the policy's forbidden list, a SHA pin
// without a comment naming its release, and a tag or branch pin (an owner the policy trusts
// gives the milder rule; `allow_tag_pins` none). Input: the value as written, where it is, its
// trailing comment and the pins control; output: the pin issues, each with its fix.
#pragma once

#include <string_view>
#include <vector>

#include "evaluate/pins/pin_issue.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

// The pin issue of one `uses:` value, if any (exposed for tests).
std::vector<PinIssue> CheckUses(std::string_view uses, int line, int column,
                                std::string_view trailing_comment, const policy::PinsControl& pins);

}  // namespace riskgate::evaluate::pins
