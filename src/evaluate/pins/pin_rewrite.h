// Stage 3 (evaluate): the text side of `riskgate fix pins`. Finds the `uses:` lines the pins
// control reports as pinned to a mutable tag or branch, and rewrites exactly those lines to
// `owner/repo@<sha> # <tag>`, leaving every other byte of the file as it was. Pure: the app
// resolves tags to SHAs through the forge and writes the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/github_workflow.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

struct MutableUses {
  int line = 0;            // 1-based
  std::string action;      // owner/repo[/path] as written
  std::string repository;  // owner/repo, what the forge resolves the ref in
  std::string ref;         // the tag or branch
};

// Every `uses:` of the file that the pins control reports as a mutable ref (unpinned-action,
// unpinned-action-trusted-owner), in line order.
std::vector<MutableUses> FindMutableUses(std::string_view text, const std::string& path,
                                         GithubFileKind kind, const policy::PinsControl& pins);

struct PinReplacement {
  int line = 0;
  std::string ref;
  std::string sha;
};

// `text` with `@ref` replaced by `@sha` on each replacement's line, and ` # ref` appended when
// that line has no comment yet. Lines whose text no longer holds `@ref` are left alone.
std::string ApplyPinReplacements(std::string_view text,
                                 const std::vector<PinReplacement>& replacements);

}  // namespace riskgate::evaluate::pins
