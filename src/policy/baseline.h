// Stage 2 (policy): the baseline (.riskgate/baseline.json): findings a team accepted when it
// adopted riskgate, keyed by content fingerprint so line moves and unrelated edits change
// nothing. Input/output: the file's JSON text. Sorted and one entry per line, so it diffs well.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/finding.h"

namespace riskgate::policy {

inline constexpr std::string_view kBaselineFile = ".riskgate/baseline.json";

using FingerprintSet = std::set<std::string, std::less<>>;

// The fingerprints in a baseline file; an error names the file and what is wrong.
core::Result<FingerprintSet> LoadBaseline(std::string_view text, const std::string& file);

// A baseline file recording `findings` (their fingerprint, control, rule and path).
std::string FormatBaseline(const std::vector<core::JudgedFinding>& findings);

}  // namespace riskgate::policy
