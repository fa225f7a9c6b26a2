// Stage 3 (evaluate): workflow text that hides what it does or weakens a default:
// `obfuscation` (a `uses:` path with `.`, `..` or empty segments, which GitHub normalises but a
// reviewer and a deny-list read differently; a `${{ }}` expression of literals alone, which
// splits a word so that no reviewer or pattern sees it: `cu${{ '' }}rl`), `github-app` (an
// app token minted without `permission-*` inputs, or for the whole installation: every
// permission of the app on every repository it is installed on) and `insecure-url-scheme`
// (a run step that downloads over plain http:// or with TLS verification off).
#pragma once

#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckMisuse(const core::Node& root, const SourceLines& lines);

}  // namespace riskgate::evaluate::pins
