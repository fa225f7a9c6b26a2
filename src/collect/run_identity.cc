#include "collect/run_identity.h"

#include <algorithm>
#include <cctype>

#include "collect/facts.h"
#include "collect/git_repository.h"

namespace riskgate::collect {
namespace {

bool Printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "host/path" from a host (user and port dropped) and a path, or "" when either is unusable.
std::string Join(std::string_view host, std::string_view path) {
  if (const auto at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (const auto colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.ends_with(".git")) path.remove_suffix(4);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (host.empty() || path.empty() || path.find("..") != std::string_view::npos) return "";
  return Lower(host) + "/" + std::string(path);
}

}  // namespace

std::string RepositoryName(std::string_view url) {
  if (url.empty() || url.size() > 1024 || !Printable(url) ||
      url.find_first_of("?#\\") != std::string_view::npos) {
    return "";
  }
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    const std::string name = Lower(url.substr(0, scheme));
    if (name != "https" && name != "http" && name != "ssh" && name != "git" && name != "git+ssh" &&
        name != "ssh+git") {
      return "";
    }
    const std::string_view rest = url.substr(scheme + 3);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) return "";
    return Join(rest.substr(0, slash), rest.substr(slash));
  }
  // scp-like: [user@]host:path, where the host part has no '/'.
  const auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  const std::string_view host = url.substr(0, colon);
  if (host.find('/') != std::string_view::npos) return "";
  return Join(host, url.substr(colon + 1));
}

core::RunIdentity DetectRunIdentity(const EnvReader& env, GitRepository& repo,
                                    const RunContext& context, long long now) {
  core::RunIdentity identity;
  identity.event = context.event;
  identity.ci = context.ci;
  identity.time = now;
  auto value = [&env](std::string_view name) { return env(name).value_or(""); };
  if (value("GITHUB_ACTIONS") == "true") {
    const std::string server = value("GITHUB_SERVER_URL");
    identity.repository = RepositoryName((server.empty() ? "https://github.com" : server) + "/" +
                                         value("GITHUB_REPOSITORY"));
    const std::string ref = value("GITHUB_REF");
    if (ref.starts_with("refs/pull/")) {
      const std::string rest = ref.substr(10);
      identity.change = "pull/" + rest.substr(0, rest.find('/'));
    } else {
      identity.change =
          value("GITHUB_HEAD_REF").empty() ? value("GITHUB_REF_NAME") : value("GITHUB_HEAD_REF");
    }
  } else if (value("GITLAB_CI") == "true") {
    identity.repository =
        RepositoryName("https://" + value("CI_SERVER_HOST") + "/" + value("CI_PROJECT_PATH"));
    const std::string iid = value("CI_MERGE_REQUEST_IID");
    identity.change = iid.empty() ? value("CI_COMMIT_REF_NAME") : "merge_requests/" + iid;
  }
  if (identity.repository.empty()) identity.repository = RepositoryName(repo.RemoteUrl("origin"));
  if (identity.change.empty()) identity.change = repo.CurrentBranch();
  if (!Printable(identity.change) || identity.change.size() > 256) identity.change.clear();
  return identity;
}

}  // namespace riskgate::collect
