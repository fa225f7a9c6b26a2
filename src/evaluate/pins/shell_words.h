// Stage 3 (evaluate), pins: expansions bash applies to a word before it runs, read the way bash
// reads them so that a spelled-out name cannot hide a command: ANSI-C escapes of $'...'
// ($'\x63url' is curl) and brace expansion ({curl,-fsSL,URL} is three words). Pure, bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

// Decodes the escape of $'...' whose character (after the backslash) is at `text[i]`, appending
// the result to `out`; returns the index after the escape.
size_t DecodeAnsiEscape(std::string_view text, size_t i, std::string& out);

// Standard or URL-safe base64 decoded, blanks skipped, stopping at the first other character:
// what `base64 -d` gives a shell.
std::string DecodeBase64(std::string_view text);

// Bash brace expansion of a word's value: "{curl,-fsSL,URL}" -> "curl", "-fsSL", "URL";
// "a{b,c}d" -> "abd", "acd". At most `limit` words and 8 brace groups; `${NAME}` and a `{...}`
// without a comma stay as they are.
std::vector<std::string> BraceExpand(std::string_view value, size_t limit);

}  // namespace riskgate::evaluate::pins
