// Stage 1 (collect): the paths a git configuration file includes, read from its text the way
// libgit2 1.5 reads it (`include.path`, `includeIf.<condition>.path`), so that what libgit2
// will open can be looked at before it opens it (collect/git_dir_files.cc). Input: the file's
// bytes, which may be hostile (a restored cache, a poisoned machine); output: each include
// path's value as libgit2 unquotes it, not yet resolved against a folder. Bounded by the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskgate::collect {

// Every value libgit2 would take as an include path, in file order: `[include]` and any
// `[includeIf "..."]` section (whatever its condition says), section headers followed by a
// key on the same line, quotes and escapes (`\"`, `\\`, `\n`, `\t`, `\b`), comments outside
// quotes and lines continued with a trailing backslash. Where libgit2 stops at a syntax error
// this goes on reading (libgit2 has opened what came before): a superset, never fewer.
std::vector<std::string> ConfigIncludePaths(std::string_view text);

}  // namespace riskgate::collect
