// Stage 3 (evaluate): the pins control. Input: the whole new versions of pipeline files
// (workflows, action metadata, GitLab CI, Dockerfiles, shell scripts, optionally manifests) with
// their base versions. Output: findings; those the base version already had (same fingerprint)
// are marked as not part of the change, so they are reported on request but never decide.
#pragma once

#include <string_view>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "evaluate/layout.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {

inline constexpr std::string_view kControl = "pins";

// Whether the control needs the whole new version of `path` (asked before collection).
bool WantsDocument(std::string_view path, const policy::PinsControl& pins,
                   const RepositoryLayout& layout);

std::vector<core::Finding> EvaluatePins(const std::vector<collect::ChangedFile>& files,
                                        const policy::PinsControl& pins,
                                        const RepositoryLayout& layout = {});

}  // namespace riskgate::evaluate::pins
