// Stage 3 (evaluate): the text side of `riskgate fix pins`. Rewrites exactly the `uses:` lines
// the pins control reported as pinned to a mutable tag or branch (findings with a PinTarget) to
// `owner/repo@<sha> # <tag>`, leaving every other byte of the file as it was. Pure: the app
// resolves tags to SHAs through the forge and writes the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

struct PinReplacement {
  int line = 0;
  std::string ref;
  std::string sha;
};

// `text` with `@ref` replaced by `@sha` on each replacement's line and ` # ref` written right
// after the value; an existing comment stays after it byte for byte (`@sha # v4 # keep`), and one
// that already starts with the ref (`# v4`) gets no second tag. Lines whose text no longer holds
// `@ref` are left alone.
std::string ApplyPinReplacements(std::string_view text,
                                 const std::vector<PinReplacement>& replacements);

}  // namespace riskgate::evaluate::pins
