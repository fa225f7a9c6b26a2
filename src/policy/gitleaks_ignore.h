// Stage 2 (policy): reads a .gitleaksignore file: one gitleaks fingerprint per line,
// "commit:path:rule:line" (that commit only) or "path:rule:line" (any commit, and the working
// tree), with `#` comments. Input: the file's text. Output: the set of fingerprints.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace riskgate::policy {

inline constexpr std::string_view kGitleaksIgnoreFile = ".gitleaksignore";

// Backslashes become '/', as gitleaks normalises Windows paths; blank and comment lines are
// skipped.
std::set<std::string, std::less<>> ParseGitleaksIgnore(std::string_view text);

}  // namespace riskgate::policy
