// Issue 22: workflow hazards beyond pinning (evaluate/pins/workflow_hazards.cc), each with
// workflows written to have it and workflows that look alike but do not.
#include <catch2/catch.hpp>

#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/workflow_hazards.h"
#include "unit/evaluate/workflow_rule_lines.h"

namespace riskgate::evaluate::pins {
namespace {}  // namespace

TEST_CASE("issue 22: ACTIONS_ALLOW_UNSECURE_COMMANDS set true at any level is insecure-commands",
          "[pins]") {
  const std::string workflow =
      "on: push\n"                                                    // 1
      "permissions: {}\n"                                             // 2
      "env:\n"                                                        // 3
      "  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n"                     // 4
      "jobs:\n"                                                       // 5
      "  a:\n"                                                        // 6
      "    runs-on: ubuntu-latest\n"                                  // 7
      "    env:\n"                                                    // 8
      "      actions_allow_unsecure_commands: '1'\n"                  // 9
      "    steps:\n"                                                  // 10
      "      - run: echo hi\n"                                        // 11
      "        env:\n"                                                // 12
      "          ACTIONS_ALLOW_UNSECURE_COMMANDS: ${{ vars.OLD }}\n"  // 13
      "      - run: echo hi\n"                                        // 14
      "        env:\n"                                                // 15
      "          ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n"            // 16
      "          OTHER: true\n";                                      // 17
  CHECK(LinesOf(workflow, "insecure-commands") == Lines{4, 9, 13});
}

TEST_CASE("issue 22: a called workflow given every secret is secrets-inherit", "[pins]") {
  const std::string workflow =
      "on: push\n"
      "permissions: {}\n"
      "jobs:\n"
      "  call:\n"
      "    uses: org/repo/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567 "
      "# v1\n"
      "    secrets: inherit\n"  // 6
      "  named:\n"
      "    uses: ./.github/workflows/deploy.yml\n"
      "    secrets:\n"
      "      TOKEN: ${{ secrets.TOKEN }}\n";
  CHECK(LinesOf(workflow, "secrets-inherit") == Lines{6});
}

TEST_CASE("issue 22: pull_request_target and workflow_run are dangerous triggers on their own",
          "[pins]") {
  CHECK(LinesOf("on: pull_request_target\npermissions: {}\njobs: {}\n", "dangerous-trigger") ==
        Lines{1});
  CHECK(LinesOf("on: [push, workflow_run]\npermissions: {}\njobs: {}\n", "dangerous-trigger") ==
        Lines{1});
  CHECK(LinesOf("on:\n  push:\n  pull_request_target:\n    types: [labeled]\npermissions: {}\n"
                "jobs: {}\n",
                "dangerous-trigger") == Lines{3});
  CHECK(LinesOf("on: [push, pull_request]\npermissions: {}\njobs: {}\n", "dangerous-trigger")
            .empty());
}

TEST_CASE("issue 22: a condition on the actor being a bot is bot-conditions", "[pins]") {
  CHECK(ComparesBotActor("github.actor == 'dependabot[bot]'"));
  CHECK(ComparesBotActor("${{ github.triggering_actor == \"renovate[bot]\" }}"));
  CHECK(ComparesBotActor("'dependabot[bot]' == github.actor && github.event_name == 'push'"));
  CHECK(ComparesBotActor("github['actor'] == 'dependabot[bot]'"));
  CHECK_FALSE(ComparesBotActor("github.event.pull_request.user.login == 'dependabot[bot]'"));
  CHECK_FALSE(ComparesBotActor("github.actor == 'octocat'"));
  CHECK_FALSE(ComparesBotActor("github.actor != 'dependabot[bot]'"));
  const std::string workflow =
      "on: pull_request_target\n"
      "permissions: {}\n"
      "jobs:\n"
      "  merge:\n"
      "    if: github.actor == 'dependabot[bot]'\n"  // 5
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - if: ${{ github.event.pull_request.user.login == 'dependabot[bot]' }}\n"
      "        run: echo ok\n";
  CHECK(LinesOf(workflow, "bot-conditions") == Lines{5});
}

TEST_CASE("issue 22: contains() of a string literal and a context is unsound-contains", "[pins]") {
  CHECK(UnsoundContains("contains('refs/heads/main refs/heads/dev', github.ref)"));
  CHECK(UnsoundContains("${{ contains(\"main,dev\", github.head_ref) }}"));
  CHECK(UnsoundContains("always() && contains( 'a b' ,inputs.env )"));
  CHECK_FALSE(UnsoundContains("contains(fromJSON('[\"main\", \"dev\"]'), github.ref)"));
  CHECK_FALSE(UnsoundContains("contains(github.event.head_commit.message, '[skip ci]')"));
  CHECK_FALSE(UnsoundContains("contains(github.event.pull_request.labels.*.name, 'safe')"));
  const std::string workflow =
      "on: push\n"
      "permissions: {}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - if: contains('refs/heads/main refs/heads/release', github.ref)\n"  // 7
      "        run: ./deploy\n"
      "      - if: contains(github.ref, 'release')\n"
      "        run: ./other\n";
  CHECK(LinesOf(workflow, "unsound-contains") == Lines{7});
}

TEST_CASE("issue 22: a composite action's steps are read for the same hazards", "[pins]") {
  const std::string action =
      "name: a\n"
      "runs:\n"
      "  using: composite\n"
      "  steps:\n"
      "    - run: echo\n"
      "      shell: bash\n"
      "      if: contains('main dev', github.ref_name)\n"  // 7
      "      env:\n"
      "        ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n";  // 9
  std::vector<std::pair<std::string, int>> found;
  for (const auto& issue :
       CheckGithubFile(action, "action.yml", GithubFileKind::kActionMetadata, {})) {
    found.emplace_back(issue.rule, issue.line);
  }
  CHECK(found == std::vector<std::pair<std::string, int>>{{"insecure-commands", 9},
                                                          {"unsound-contains", 7}});
}

TEST_CASE("issue 22: an if: with text besides its expression is always true: unsound-condition",
          "[pins]") {
  CHECK(AlwaysTrue("${{ github.ref == 'refs/heads/main' }}\n"));  // `if: |`
  CHECK(AlwaysTrue("x ${{ false }}"));
  CHECK(AlwaysTrue("${{ a }} && ${{ b }}"));
  CHECK(AlwaysTrue("${{ false }} "));
  CHECK_FALSE(AlwaysTrue("${{ github.ref == 'refs/heads/main' }}"));
  CHECK_FALSE(AlwaysTrue("${{ contains(github.event.head_commit.message, '}}') }}"));
  CHECK_FALSE(AlwaysTrue("github.ref == 'refs/heads/main'"));
  const std::string workflow =
      "on: push\n"
      "permissions: {}\n"
      "jobs:\n"
      "  deploy:\n"
      "    if: |\n"  // 5
      "      ${{ github.ref == 'refs/heads/main' }}\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - if: |-\n"
      "          ${{ github.event_name == 'push' }}\n"
      "        run: ./deploy\n"
      "      - if: ${{ always() }}\n"
      "        run: ./report\n";
  CHECK(LinesOf(workflow, "unsound-condition") == Lines{5});
}

TEST_CASE("issue 22: a checkout's token uploaded with the workspace is artipacked", "[pins]") {
  const auto job = [](const std::string& checkout_with, const std::string& upload) {
    return "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
           "      - uses: actions/checkout@v4\n" +  // line 7
           checkout_with +
           "      - run: make\n      - uses: " + upload + "\n";
  };
  const std::string workspace = "        with:\n          path: .\n";
  // An upload-artifact before v4.4.0 takes hidden files; later ones only when told to.
  CHECK(LinesOf(job("", "actions/upload-artifact@v3\n" + workspace), "artipacked") == Lines{7});
  CHECK(LinesOf(job("", "actions/upload-artifact@v4.3.6\n" + workspace), "artipacked") == Lines{7});
  CHECK(LinesOf(job("", "actions/upload-artifact@v4\n" + workspace +
                            "          include-hidden-files: true\n"),
                "artipacked") == Lines{7});
  CHECK(LinesOf(job("", "actions/upload-artifact@v4.6.0\n" + workspace), "artipacked").empty());
  // Credentials not persisted, or only the build output uploaded: nothing to leak.
  CHECK(LinesOf(job("        with:\n          persist-credentials: false\n",
                    "actions/upload-artifact@v3\n" + workspace),
                "artipacked")
            .empty());
  CHECK(LinesOf(job("", "actions/upload-artifact@v3\n        with:\n          path: dist/\n"),
                "artipacked")
            .empty());
  // The upload's line is part of what introduces it.
  const auto issues = CheckGithubFile(job("", "actions/upload-artifact@v3\n" + workspace),
                                      ".github/workflows/ci.yml", GithubFileKind::kWorkflow, {});
  for (const auto& issue : issues) {
    if (issue.rule == "artipacked") CHECK(issue.also_introduced_by == std::vector<int>{9});
  }
}

TEST_CASE("issue 22: a self-hosted runner on events a fork can cause is self-hosted-runner",
          "[pins]") {
  const auto workflow = [](const std::string& on, const std::string& runs_on) {
    return "on: " + on + "\npermissions: {}\njobs:\n  a:\n    runs-on: " + runs_on +
           "\n    steps:\n      - run: make\n";
  };
  CHECK(LinesOf(workflow("pull_request", "self-hosted"), "self-hosted-runner") == Lines{5});
  CHECK(LinesOf(workflow("[push, issue_comment]", "[self-hosted, linux, x64]"),
                "self-hosted-runner") == Lines{5});
  CHECK(LinesOf(workflow("pull_request_target", "{group: builders}"), "self-hosted-runner") ==
        Lines{5});
  CHECK(LinesOf(workflow("push", "self-hosted"), "self-hosted-runner").empty());
  CHECK(LinesOf(workflow("pull_request", "ubuntu-latest"), "self-hosted-runner").empty());
}

}  // namespace riskgate::evaluate::pins
