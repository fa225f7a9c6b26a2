// Stage run: the HTTP clients for each forge, configured one way for every command: the API URL
// from a trusted policy, else the CI environment (GITHUB_API_URL; CI_API_V4_URL, else CI_SERVER_URL
// + /api/v4), else github.com; the token from the environment only (RISKGATE_GITHUB_TOKEN /
// GITHUB_TOKEN, RISKGATE_GITLAB_TOKEN / GITLAB_TOKEN); timeouts and retries from
// `controls.reviews.forge`. A credential goes only where the trusted side says: a policy read
// from the change (the working tree) names no API URL, and staged and worktree checks call no
// API unless the user's environment says RISKGATE_NETWORK=1.
#pragma once

#include <initializer_list>
#include <string>

#include "collect/ci_context.h"
#include "collect/forge/http_client.h"
#include "core/error.h"
#include "core/scope.h"
#include "policy/policy.h"
#include "policy/reviews_control.h"
#include "run/policy_files.h"

namespace riskgate::run {

// The first of `names` set in the environment, else empty.
std::string FirstEnv(const collect::EnvReader& env, std::initializer_list<const char*> names);

std::string GithubToken(const collect::EnvReader& env);

// Whether a loaded policy may say where tokens go.
enum class PolicyTrust {
  kTrusted,     // the base commit's, the built-in one, or files outside the working tree
  kFromChange,  // read from the working tree (or extending a file there): the change wrote it
};

PolicyTrust TrustOf(const PolicyFiles& files, const core::PolicySource& source);

// Clears the API URLs of a policy the change wrote, with a note on stderr: its forge settings
// could send the token to any host.
void DropUntrustedForgeUrls(policy::ForgeSettings& settings, PolicyTrust trust);

// Whether a check of this scope may call a forge API: a range (CI, pre-push) may; a staged or
// worktree check (a pre-commit hook in any clone) only when RISKGATE_NETWORK=1.
bool NetworkAllowed(core::ScanMode mode, const collect::EnvReader& env);

core::Result<collect::forge::HttpClient> GithubClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env);
core::Result<collect::forge::HttpClient> GitlabClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env);

}  // namespace riskgate::run
