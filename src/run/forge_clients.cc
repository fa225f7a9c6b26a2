#include "run/forge_clients.h"

#include <iostream>

namespace riskgate::run {
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

PolicyTrust TrustOf(const PolicyFiles& files, const core::PolicySource& source) {
  if (!files.base().empty()) return PolicyTrust::kTrusted;
  auto in_worktree = [&files](const std::string& path) {
    return !path.starts_with(policy::kBuiltinPrefix) && files.RepoPath(path).has_value();
  };
  if (in_worktree(source.origin)) return PolicyTrust::kFromChange;
  for (const auto& extended : source.extends) {
    if (in_worktree(extended)) return PolicyTrust::kFromChange;
  }
  return PolicyTrust::kTrusted;
}

void DropUntrustedForgeUrls(policy::ForgeSettings& settings, PolicyTrust trust) {
  if (trust == PolicyTrust::kTrusted) return;
  for (auto [url, name] : {std::pair{&settings.github_api_url, "github_api_url"},
                           std::pair{&settings.gitlab_api_url, "gitlab_api_url"}}) {
    if (url->empty()) continue;
    url->clear();
    std::cerr << "riskgate: note: ignoring controls.reviews.forge." << name
              << " of a policy in the working tree: a token goes only to the API that the CI "
                 "platform's variables or the base commit's policy name\n";
  }
}

bool NetworkAllowed(core::ScanMode mode, const collect::EnvReader& env) {
  if (mode == core::ScanMode::kRange) return true;
  return env("RISKGATE_NETWORK") == "1";
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
    url = FirstEnv(env, {"CI_SERVER_URL"});
    if (!url.empty()) url += "/api/v4";
  }
  if (url.empty()) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "no GitLab API URL: set CI_API_V4_URL (or CI_SERVER_URL), or "
                           "controls.reviews.forge.gitlab_api_url in the policy");
  }
  return collect::forge::HttpClient::Create(
      url, FirstEnv(env, {"RISKGATE_GITLAB_TOKEN", "GITLAB_TOKEN"}),
      collect::forge::TokenStyle::kGitlabPrivateToken, HttpOptionsOf(settings));
}

}  // namespace riskgate::run
