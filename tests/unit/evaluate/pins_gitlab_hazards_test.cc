// Issue 22: the GitLab counterparts of the workflow hazards (evaluate/pins/gitlab_hazards.cc):
// an author's text re-parsed as code, and caches shared with unprotected refs.
#include <catch2/catch.hpp>

#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/gitlab_hazards.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {
namespace {

std::vector<int> LinesOf(const std::string& text, const std::string& rule) {
  std::vector<int> out;
  for (const auto& issue : CheckGitlabCi(text, ".gitlab-ci.yml", policy::PinsControl{})) {
    if (issue.rule == rule) out.push_back(issue.line);
  }
  return out;
}

}  // namespace

TEST_CASE("issue 22: an author's text expanded into code parsed again is GitLab script-injection",
          "[pins]") {
  CHECK(GitlabInjectedVariable("eval \"echo $CI_COMMIT_MESSAGE\"") == "CI_COMMIT_MESSAGE");
  CHECK(GitlabInjectedVariable("sh -c \"notify ${CI_MERGE_REQUEST_TITLE}\"") ==
        "CI_MERGE_REQUEST_TITLE");
  CHECK(GitlabInjectedVariable("bash -ec \"x=$CI_COMMIT_REF_NAME\"") == "CI_COMMIT_REF_NAME");
  CHECK(GitlabInjectedVariable("python3 -c \"print('$CI_COMMIT_TITLE')\"") == "CI_COMMIT_TITLE");
  CHECK(GitlabInjectedVariable("x && node -e \"run('$CI_MERGE_REQUEST_DESCRIPTION')\"") ==
        "CI_MERGE_REQUEST_DESCRIPTION");
  // Data, not code: an argument, or code that reads the variable itself.
  CHECK(GitlabInjectedVariable("echo \"$CI_COMMIT_MESSAGE\"").empty());
  CHECK(GitlabInjectedVariable("sh -c 'echo \"$CI_COMMIT_MESSAGE\"'").empty());
  CHECK(GitlabInjectedVariable("python -c 'import os; print(os.environ[\"CI_COMMIT_TITLE\"])'")
            .empty());
  CHECK(GitlabInjectedVariable("eval \"$(ssh-agent -s)\" && echo $CI_COMMIT_SHA").empty());
  CHECK(GitlabInjectedVariable("evaluate $CI_COMMIT_MESSAGE").empty());
  CHECK(GitlabInjectedVariable("eval \"$(ssh-agent -s)\" && echo $CI_COMMIT_MESSAGE").empty());
  CHECK(GitlabInjectedVariable("eval x; eval \"y $CI_COMMIT_TAG\"") == "CI_COMMIT_TAG");
  CHECK(GitlabInjectedVariable("eval \"echo \\$CI_COMMIT_MESSAGE\"").empty());

  const std::string config =
      "test:\n"                                             // 1
      "  script:\n"                                         // 2
      "    - echo \"$CI_MERGE_REQUEST_TITLE\"\n"            // 3
      "    - eval \"deploy $CI_COMMIT_BRANCH\"\n"           // 4
      "    - |\n"                                           // 5
      "      set -e\n"                                      // 6
      "      sh -c \"notify '$CI_MERGE_REQUEST_TITLE'\"\n"  // 7
      "variables:\n"                                        // 8
      "  RUN: 'eval \"$CI_COMMIT_MESSAGE\"'\n";             // 9
  CHECK(LinesOf(config, "script-injection") == std::vector<int>{4, 7, 9});
  // A command continued with a backslash is one command.
  const std::string continued =
      "test:\n"                                  // 1
      "  script:\n"                              // 2
      "    - |\n"                                // 3
      "      echo start\n"                       // 4
      "      eval \\\n"                          // 5
      "        \"notify $CI_COMMIT_MESSAGE\"\n"  // 6
      "      echo \"$CI_COMMIT_MESSAGE\"\n";     // 7
  CHECK(LinesOf(continued, "script-injection") == std::vector<int>{5});
}

TEST_CASE("issue 22: a GitLab cache shared with unprotected refs is cache-poisoning", "[pins]") {
  const std::string config =
      "default:\n"                                          // 1
      "  cache: {key: deps, paths: [vendor/]}\n"            // 2
      "build:\n"                                            // 3
      "  script: [make]\n"                                  // 4
      "  cache:\n"                                          // 5
      "    - key: a\n"                                      // 6
      "      paths: [a/]\n"                                 // 7
      "      unprotect: true\n"                             // 8
      "    - key: b\n"                                      // 9
      "      paths: [b/]\n"                                 // 10
      "      unprotect: false\n"                            // 11
      "release:\n"                                          // 12
      "  script: [make]\n"                                  // 13
      "  cache: {key: r, paths: [r/], unprotect: true}\n";  // 14
  CHECK(LinesOf(config, "cache-poisoning") == std::vector<int>{8, 14});
}

}  // namespace riskgate::evaluate::pins
