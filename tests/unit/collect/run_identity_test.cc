// Which repository and change a run names in its reports (collect/run_identity.h).
#include "collect/run_identity.h"

#include <catch2/catch.hpp>
#include <map>

#include "collect/git_repository.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

TEST_CASE("a remote URL is named host and path, without credentials, port or .git",
          "[collect][run_identity]") {
  CHECK(RepositoryName("https://github.com/acme/app.git") == "github.com/acme/app");
  CHECK(RepositoryName("https://ci:ghp_secret@GitHub.com/acme/app") == "github.com/acme/app");
  CHECK(RepositoryName("git@gitlab.com:group/sub/api.git") == "gitlab.com/group/sub/api");
  CHECK(RepositoryName("ssh://git@git.example.com:2222/team/repo.git/") ==
        "git.example.com/team/repo");
  CHECK(RepositoryName("git://example.org/x") == "example.org/x");
}

TEST_CASE("a URL that names no hosted repository gives no name", "[collect][run_identity]") {
  for (const char* url :
       {"", "/srv/git/app.git", "file:///srv/git/app.git", "C:\\repos\\app", "https://github.com/",
        "https://github.com/a/b?token=x", "https://github.com/a/b#frag",
        "https://github.com/a/../b", "https://github.com/a b/c", "host:"}) {
    INFO(url);
    CHECK(RepositoryName(url).empty());
  }
}

TEST_CASE("the CI platform's variables name the repository and the change",
          "[collect][run_identity]") {
  testing::TempRepo temp;
  temp.Write("a", "a\n");
  temp.Commit("a");
  auto repo = GitRepository::Open(temp.path());
  REQUIRE(repo);
  std::map<std::string, std::string> vars;
  const EnvReader env = [&vars](std::string_view name) -> std::optional<std::string> {
    auto found = vars.find(std::string(name));
    if (found == vars.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
  SECTION("GitHub, a pull request") {
    vars = {{"GITHUB_ACTIONS", "true"},
            {"GITHUB_SERVER_URL", "https://github.example.com"},
            {"GITHUB_REPOSITORY", "acme/app"},
            {"GITHUB_REF", "refs/pull/42/merge"},
            {"GITHUB_EVENT_NAME", "pull_request"}};
    const auto id = DetectRunIdentity(env, **repo, DetectRunContext(env, **repo), 1000);
    CHECK(id.repository == "github.example.com/acme/app");
    CHECK(id.change == "pull/42");
    CHECK(id.event == "pull_request");
    CHECK(id.ci);
    CHECK(id.time == 1000);
  }
  SECTION("GitLab, a merge request") {
    vars = {{"GITLAB_CI", "true"},
            {"CI_SERVER_HOST", "gitlab.com"},
            {"CI_PROJECT_PATH", "group/api"},
            {"CI_MERGE_REQUEST_IID", "7"},
            {"CI_PIPELINE_SOURCE", "merge_request_event"}};
    const auto id = DetectRunIdentity(env, **repo, DetectRunContext(env, **repo), 0);
    CHECK(id.repository == "gitlab.com/group/api");
    CHECK(id.change == "merge_requests/7");
  }
  SECTION("a laptop: the origin remote and HEAD's branch") {
    temp.Git({"remote", "add", "origin", "https://u:p@example.com/team/x.git"});
    const auto id = DetectRunIdentity(env, **repo, DetectRunContext(env, **repo), 0);
    CHECK(id.repository == "example.com/team/x");
    CHECK_FALSE(id.change.empty());
    CHECK_FALSE(id.ci);
  }
}

}  // namespace
}  // namespace riskgate::collect
