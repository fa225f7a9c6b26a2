// Stage 0 (core): path globs as gitignore, CODEOWNERS and GitLab's `include: local:` write them.
// `*` and `?` never cross a `/`, `**` does, `**/` also matches no directory at all, `[a-z]` and
// `[!a-z]` are character classes and `\` escapes. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskgate::core {

// Whether `path` (relative, `/`-separated, no leading `/`) matches `pattern` as a whole.
bool MatchPathGlob(std::string_view pattern, std::string_view path);

// Why `pattern` is not a well-formed glob (an unclosed `[` or a trailing `\`), or nullopt.
std::optional<std::string> PathGlobError(std::string_view pattern);

// Whether `pattern` has any glob syntax, i.e. it names more than one literal path.
bool HasGlobSyntax(std::string_view pattern);

}  // namespace riskgate::core
