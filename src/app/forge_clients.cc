#include "app/forge_clients.h"

namespace riskgate::app {
namespace {

collect::forge::HttpOptions HttpOptionsOf(const policy::ForgeSettings& settings) {
  collect::forge::HttpOptions options;
  options.timeout_seconds = settings.timeout_seconds;
  options.retries = settings.retries;
  options.max_retry_wait_seconds = settings.max_retry_wait_seconds;
  return options;
}

}  // namespace

std::string FirstEnv(const collect::EnvReader& env, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto value = env(name)) return *value;
  }
  return "";
}

std::string GithubToken(const collect::EnvReader& env) {
  return FirstEnv(env, {"RISKGATE_GITHUB_TOKEN", "GITHUB_TOKEN"});
}

core::Result<collect::forge::HttpClient> GithubClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env) {
  std::string url = settings.github_api_url;
  if (url.empty()) url = FirstEnv(env, {"GITHUB_API_URL"});
  if (url.empty()) url = "https://api.github.com";
  return collect::forge::HttpClient::Create(
      url, GithubToken(env), collect::forge::TokenStyle::kBearer, HttpOptionsOf(settings));
}

core::Result<collect::forge::HttpClient> GitlabClient(const policy::ForgeSettings& settings,
                                                      const collect::EnvReader& env) {
  std::string url = settings.gitlab_api_url;
  if (url.empty()) url = FirstEnv(env, {"CI_API_V4_URL"});
  if (url.empty()) {
    return core::MakeError(
        core::ErrorCode::kUsage,
        "no GitLab API URL: set CI_API_V4_URL or controls.reviews.forge.gitlab_api_url");
  }
  return collect::forge::HttpClient::Create(
      url, FirstEnv(env, {"RISKGATE_GITLAB_TOKEN", "GITLAB_TOKEN"}),
      collect::forge::TokenStyle::kGitlabPrivateToken, HttpOptionsOf(settings));
}

}  // namespace riskgate::app
