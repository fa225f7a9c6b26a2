// Stage 2 (policy): the reviews control's schema (`controls.reviews`): how many approvals a
// change needs, from whom (CODEOWNERS, per-path overrides), whose approvals count, and where the
// facts come from (GitHub, GitLab, or commit trailers). Input: the YAML node. Output: a
// validated ReviewsControl or located diagnostics. It never talks to a forge itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/field_reader.h"
#include "core/severity.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

// Where approvals are read from. kAuto: the forge the CI run is on, else commit trailers.
enum class ReviewSource { kAuto, kGithub, kGitlab, kTrailers };

// What an approval given on an older head commit is worth.
enum class StaleApprovals { kDismiss, kCount };

// What the run does when the forge cannot be read: exit 2, or a blocking finding.
enum class ForgeFailure { kFail, kBlock };

// Which CODEOWNERS dialect and locations: the forge's own, or forced.
enum class CodeownersMode { kAuto, kGithub, kGitlab, kOff };

// A stricter (or looser) requirement for some paths: the last matching entry applies.
struct PathRequirement {
  std::vector<std::string> paths;  // path globs (core/path_glob.h)
  std::optional<int> min_approvals;
  std::optional<bool> code_owners;
  int line = 0;  // in the policy, for messages
};

struct ForgeSettings {
  std::string github_api_url;  // empty: GITHUB_API_URL, else https://api.github.com
  std::string gitlab_api_url;  // empty: CI_API_V4_URL
  double timeout_seconds = 30;
  int retries = 3;  // after the first attempt, on connection errors, 5xx and rate limits
  double max_retry_wait_seconds = 60;  // a Retry-After longer than this fails at once
};

struct ReviewsControl {
  bool enabled = false;
  ReviewSource source = ReviewSource::kAuto;
  int min_approvals = 1;
  bool code_owners = true;  // every owned changed file needs an approval from one of its owners
  CodeownersMode codeowners = CodeownersMode::kAuto;
  bool count_author = false;  // the change's author approving their own change
  // Someone who wrote commits of the change approving it (GitLab's "prevent approvals by users
  // who add commits"); on GitHub, the authors and committers of the pull request's commits.
  bool count_committers = false;
  bool count_bots = false;
  StaleApprovals stale_approvals = StaleApprovals::kDismiss;
  ForgeFailure on_error = ForgeFailure::kFail;
  core::Severity severity = core::Severity::kHigh;
  std::vector<PathRequirement> paths;
  // Team handles ("@org/team") to members, for trailers mode and forges without team lookups.
  std::map<std::string, std::vector<std::string>> teams;
  ForgeSettings forge;
};

// Reads `controls.reviews` (absent: the control stays off).
void LoadReviewsControl(const core::Node* node, core::FieldReader& reader, ReviewsControl& reviews);

}  // namespace riskgate::policy
