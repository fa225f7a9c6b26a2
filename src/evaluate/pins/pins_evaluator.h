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

// A pipeline file that does not parse was not judged: under `OnUnscanned::kBlock` (the default
// of a CI gate run) its `unparsable-config` finding blocks, as an unscanned file does.
// `lookups`: what GitHub said about the actions the change pins (online_pins.h).
std::vector<core::Finding> EvaluatePins(
    const std::vector<collect::ChangedFile>& files, const policy::PinsControl& pins,
    const RepositoryLayout& layout = {},
    policy::OnUnscanned on_unparsable = policy::OnUnscanned::kWarn,
    const collect::PinLookups& lookups = collect::PinLookups{});

}  // namespace riskgate::evaluate::pins
