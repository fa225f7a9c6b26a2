// Stage 3 (evaluate): the one stated test for a value that stands in for a secret rather than
// being one. It is conservative: it needs a sign no issued token shows by chance.
#pragma once

#include <string_view>

namespace riskgate::evaluate::secrets {

// True when `value`, case-insensitively,
//   - holds a word people write in place of a secret: example, placeholder, changeme, your_,
//     your-, redacted, dummy, fake, sample, abcd1234, or is wrapped as <...>;
//   - or has a run of 8 characters that each follow the one before (01234567, abcdefgh,
//     3456789a does not: digits and letters run separately);
//   - or has one character 8 times in a row (xxxxxxxx, 00000000).
// A random 20-character token from base62 has a run of 8 consecutive or equal characters with
// probability below 1e-12.
bool LooksLikePlaceholder(std::string_view value);

}  // namespace riskgate::evaluate::secrets
