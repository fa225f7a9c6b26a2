// App: the HTTP clients for each forge, configured one way for every command: the API URL from
// the policy, else the CI environment (GITHUB_API_URL, CI_API_V4_URL), else github.com; the
// token from the environment only (RISKGATE_GITHUB_TOKEN / GITHUB_TOKEN, RISKGATE_GITLAB_TOKEN /
// GITLAB_TOKEN); timeouts and retries from `controls.reviews.forge`.
#pragma once

#include <initializer_list>
#include <string>

#include "collect/ci_context.h"
#include "collect/forge/http_client.h"
#include "core/error.h"
#include "policy/reviews_control.h"

namespace riskgate::app {

// The first of `names` set in the environment, else empty.
std::string FirstEnv(const collect::EnvReader& env, std::initializer_list<const char*> names);

std::string GithubToken(const collect::EnvReader& env);

core::Result<collect::forge::HttpClient> GithubClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env);
core::Result<collect::forge::HttpClient> GitlabClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env);

}  // namespace riskgate::app
