// Stage 3 (evaluate), pins: how far a tree's pipeline configuration has adopted secure defaults
// (a top-level `permissions:` in workflows, actions pinned to commits, images pinned to
// digests), for adoption metrics. Input: the whole files of a tree, read as the pins control
// reads them (file_kind.h, with the GitLab includes of the layout). Output: counts, never
// findings. It parses nothing itself: it reads through the pins control's parsers, skips a file
// they cannot read, and does no I/O.
#pragma once

#include <vector>

#include "collect/facts.h"
#include "core/scope.h"
#include "evaluate/layout.h"

namespace riskgate::evaluate::pins {

// Counts workflows, their `permissions:`, the remote `uses:` of workflows and actions and the
// container images of workflows, actions, GitLab CI files and Dockerfiles in `files`.
core::SecureDefaults CountSecureDefaults(const std::vector<collect::ChangedFile>& files,
                                         const RepositoryLayout& layout);

}  // namespace riskgate::evaluate::pins
