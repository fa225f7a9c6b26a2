// Stage 3 (evaluate): the one stated test for a value that stands in for a secret rather than
// being one. It is conservative: it needs a sign no issued token shows by chance.
#pragma once

#include <string_view>

namespace riskgate::evaluate::secrets {

// True when `value`, case-insensitively,
//   - holds a word people write in place of a secret: example, placeholder, changeme, your_,
//     your-, some_, redacted, dummy, sample, abcd1234, mypassword, myusername, thisismy, or the
//     documentation UUID 123e4567-e89b..., or is wrapped as <...>;
//   - or has a run of 8 characters that count up or down (01234567, 7890123, abcdefgh,
//     zyxwvuts; digits and letters count separately, 9 is followed by 0) or repeat one character
//     (xxxxxxxx, 00000000; not A: zero bytes in base64 key material);
//   - or, with each repeated character written once, counts so (aaaabbbbccccddddeeeeffffgggghhhh);
//   - or writes one 2-12 character unit again and again over 12+ characters, three times its
//     length at least (abcdefabcdef..., abcdef123456abcdef123456abcdef123456; not AAAA...);
//   - or mixes letters and digits whose letters alone or digits alone make such a run
//     (a1b2c3d4e5f6g7h8, abc123DEF456ghi789);
//   - or is, whole, a word that names the secret in its place: password, passwd, pass, pwd,
//     secret, username, user, token (postgresql://user:secret@..., Password=password).
// Values longer than 256 characters (key material, certificates) are judged by the words and
// the counting runs alone: their encoding repeats characters and units by structure.
// A random 20-character base62 token shows any of these with a probability far below 1e-9.
bool LooksLikePlaceholder(std::string_view value);

}  // namespace riskgate::evaluate::secrets
