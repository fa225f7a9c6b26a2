// Stage 3 (evaluate): the files riskgate could not scan (too large, binary, undecodable, an LFS
// object that is not here), as `unscanned-file` findings. A file the gate cannot judge is a
// policy decision (limits.on_unscanned: warn or block), never a silent pass; a waiver accepts
// one. Symlinks and submodules hold no content of their own and are not findings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/scope.h"
#include "policy/policy.h"

namespace riskgate::evaluate::unscanned {

inline constexpr std::string_view kControl = "unscanned";
inline constexpr std::string_view kRule = "unscanned-file";

// Whether a file skipped for `reason` is content riskgate could not judge.
bool IsUnscannedContent(core::SkipReason reason);

// One finding for a file skipped for `reason`; `blob` (a history audit) keys it to the content.
core::Finding UnscannedFinding(const std::string& path, core::SkipReason reason, std::int64_t size,
                               const std::optional<std::string>& commit,
                               policy::OnUnscanned on_unscanned, const std::string& blob = "");

// The findings for the files a change skipped.
std::vector<core::Finding> EvaluateUnscanned(const std::vector<core::SkippedFile>& skipped,
                                             policy::OnUnscanned on_unscanned);

}  // namespace riskgate::evaluate::unscanned
