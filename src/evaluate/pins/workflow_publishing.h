// Stage 3 (evaluate): jobs that publish what they build (a release, a package, an image).
// `cache-poisoning`: such a job restores a build cache (actions/cache, a setup-* action's
// cache, rust-cache, the gha cache of docker/build-push-action) that other runs of the
// repository wrote, so whoever once ran code in one of them builds into the release.
// `use-trusted-publishing`: a package is published to PyPI, npm, crates.io or RubyGems with a
// long-lived token from secrets where the registry accepts the run's OIDC identity instead.
#pragma once

#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckPublishing(const core::Node& root);

}  // namespace riskgate::evaluate::pins
