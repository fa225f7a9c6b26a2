// Issue 22: workflow rules about what a job is given and what it hands on: github-env,
// overprovisioned-secrets, unredacted-secrets, cache-poisoning, use-trusted-publishing and the
// wider excessive-permissions, each with workflows that have it and look-alikes that do not.
#include <catch2/catch.hpp>

#include "evaluate/pins/github_workflow.h"
#include "unit/evaluate/workflow_rule_lines.h"

namespace riskgate::evaluate::pins {
namespace {

std::string Message(const std::string& text, const std::string& rule) {
  for (const auto& issue :
       CheckGithubFile(text, ".github/workflows/ci.yml", GithubFileKind::kWorkflow, {})) {
    if (issue.rule == rule) return issue.message;
  }
  return "";
}

}  // namespace

TEST_CASE("issue 22: attacker text written to GITHUB_ENV in a privileged workflow is github-env",
          "[pins]") {
  const std::string workflow =
      "on: [issue_comment, push]\n"                                      // 1
      "permissions: {}\n"                                                // 2
      "jobs:\n"                                                          // 3
      "  a:\n"                                                           // 4
      "    runs-on: ubuntu-latest\n"                                     // 5
      "    env:\n"                                                       // 6
      "      BODY: ${{ github.event.comment.body }}\n"                   // 7
      "    steps:\n"                                                     // 8
      "      - run: |\n"                                                 // 9
      "          echo \"BODY=$BODY\" >> \"$GITHUB_ENV\"\n"               // 10
      "          echo \"SHA=${{ github.sha }}\" >> \"$GITHUB_ENV\"\n"    // 11 fixed text
      "          cat >> $GITHUB_ENV <<EOF\n"                             // 12
      "          X=${{ github.event.comment.body }}\n"                   // 13
      "          EOF\n"                                                  // 14
      "          echo \"$HOME/bin\" >> $GITHUB_PATH\n"                   // 15
      "      - shell: pwsh\n"                                            // 16
      "        run: |\n"                                                 // 17
      "          \"B=$env:BODY\" | Out-File -Append $env:GITHUB_ENV\n";  // 18
  CHECK(LinesOf(workflow, "github-env") == Lines{10, 12, 18});
  CHECK(Message(workflow, "github-env").find("github.event.comment.body through env.BODY") !=
        std::string::npos);
  // On a push, the text is a writer's own: no finding (script injection stays).
  std::string push = workflow;
  push.replace(0, push.find('\n'), "on: push");
  CHECK(LinesOf(push, "github-env").empty());
  CHECK(LinesOf(push, "script-injection") == Lines{13});
}

TEST_CASE("issue 22: a workflow_run job writing what it read from artifacts is github-env",
          "[pins]") {
  const std::string workflow =
      "on:\n"                                                    // 1
      "  workflow_run: {workflows: [ci], types: [completed]}\n"  // 2
      "permissions: {}\n"                                        // 3
      "jobs:\n"                                                  // 4
      "  a:\n"                                                   // 5
      "    runs-on: ubuntu-latest\n"                             // 6
      "    steps:\n"                                             // 7
      "      - run: echo \"DAY=$(date +%F)\" >> $GITHUB_ENV\n"   // 8
      "      - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567 # v4\n"
      "      - run: echo \"PR=$(cat pr/number)\" >> $GITHUB_ENV\n";  // 10
  CHECK(LinesOf(workflow, "github-env") == Lines{10});
}

TEST_CASE("issue 22: every secret at once, or a computed one, is overprovisioned-secrets",
          "[pins]") {
  const std::string workflow =
      "on: push\n"                                                      // 1
      "permissions: {}\n"                                               // 2
      "jobs:\n"                                                         // 3
      "  a:\n"                                                          // 4
      "    runs-on: ubuntu-latest\n"                                    // 5
      "    steps:\n"                                                    // 6
      "      - run: ./deploy\n"                                         // 7
      "        env:\n"                                                  // 8
      "          ALL: ${{ toJSON(secrets) }}\n"                         // 9
      "          ONE: ${{ secrets[format('KEY_{0}', matrix.env)] }}\n"  // 10
      "          NAMED: ${{ secrets['DEPLOY_KEY'] }}\n"                 // 11 a literal index
      "          PLAIN: ${{ secrets.DEPLOY_KEY }}\n"                    // 12
      "          CTX: ${{ toJSON(github) }}\n";                         // 13
  CHECK(LinesOf(workflow, "overprovisioned-secrets") == Lines{9, 10});
}

TEST_CASE("issue 22: a field of a JSON secret is unredacted-secrets", "[pins]") {
  const std::string workflow =
      "on: push\n"
      "permissions: {}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - run: |\n"
      "          login -u ${{ fromJSON(secrets.CREDS).user }}\n"         // 8
      "          login -p ${{ fromJson(secrets.CREDS)['password'] }}\n"  // 9
      "          login -c ${{ fromJSON(secrets.CREDS) }}\n";             // 10: the whole, masked
  CHECK(LinesOf(workflow, "unredacted-secrets") == Lines{8, 9});
}

TEST_CASE("issue 22: a publishing job restoring a cache is cache-poisoning", "[pins]") {
  const std::string sha = "@0123456789abcdef0123456789abcdef01234567 # v4\n";
  const std::string release =
      "on:\n"                                // 1
      "  push:\n"                            // 2
      "    tags: ['v*']\n"                   // 3
      "permissions: {}\n"                    // 4
      "jobs:\n"                              // 5
      "  build:\n"                           // 6
      "    runs-on: ubuntu-latest\n"         // 7
      "    steps:\n"                         // 8
      "      - uses: actions/setup-go@v5\n"  // 9 cache on by default
      "      - uses: actions/setup-node" +
      sha +                           // 10
      "        with: {cache: npm}\n"  // 11
      "      - uses: actions/setup-python" +
      sha +                                  // 12 no cache input
      "      - uses: actions/setup-go@v5\n"  // 13
      "        with: {cache: false}\n"       // 14
      "      - uses: actions/cache/save" +
      sha;  // 15 writes only
  CHECK(LinesOf(release, "cache-poisoning") == Lines{9, 10});
  const std::string ci =
      "on: [push, pull_request]\n"    // 1
      "permissions: {}\n"             // 2
      "jobs:\n"                       // 3
      "  test:\n"                     // 4
      "    runs-on: ubuntu-latest\n"  // 5
      "    steps:\n"                  // 6
      "      - uses: actions/cache" +
      sha +                           // 7 tests only
      "  publish:\n"                  // 8
      "    runs-on: ubuntu-latest\n"  // 9
      "    steps:\n"                  // 10
      "      - uses: Swatinem/rust-cache" +
      sha +                            // 11
      "      - run: cargo publish\n";  // 12
  CHECK(LinesOf(ci, "cache-poisoning") == Lines{11});
}

TEST_CASE("issue 22: publishing with a token from secrets is use-trusted-publishing", "[pins]") {
  const std::string workflow =
      "on: release\n"                                      // 1
      "permissions: {}\n"                                  // 2
      "jobs:\n"                                            // 3
      "  a:\n"                                             // 4
      "    runs-on: ubuntu-latest\n"                       // 5
      "    env:\n"                                         // 6
      "      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n"  // 7
      "    steps:\n"                                       // 8
      "      - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567 # v1\n"
      "        with: {password: '${{ secrets.PYPI }}'}\n"  // 10
      "      - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567 # v1\n"
      "      - run: npm publish\n"     // 12
      "      - run: cargo publish\n";  // 13: no
  CHECK(LinesOf(workflow, "use-trusted-publishing") == Lines{9, 12});
}

TEST_CASE("issue 22: read-all, inherited write scopes and reusable calls are excessive-permissions",
          "[pins]") {
  const std::string workflow =
      "on: push\n"                                 // 1
      "permissions:\n"                             // 2
      "  contents: write\n"                        // 3
      "  id-token: read\n"                         // 4
      "jobs:\n"                                    // 5
      "  a: {runs-on: x, steps: [{run: make}]}\n"  // 6
      "  b: {runs-on: x, steps: [{run: make}]}\n"  // 7
      "  c:\n"                                     // 8
      "    uses: o/r/.github/workflows/w.yml@0123456789abcdef0123456789abcdef01234567 # v1\n"
      "  d:\n"                                  // 10
      "    permissions: read-all\n"             // 11
      "    runs-on: x\n"                        // 12
      "    steps: [{run: make}]\n"              // 13
      "  e:\n"                                  // 14
      "    permissions: {}\n"                   // 15
      "    uses: ./.github/workflows/w.yml\n";  // 16
  CHECK(LinesOf(workflow, "excessive-permissions") == Lines{2, 9, 11});
  CHECK(Message(workflow, "excessive-permissions").find("(contents)") != std::string::npos);
  const std::string narrow =
      "on: push\n"
      "permissions: read-all\n"  // 2
      "jobs:\n"
      "  a:\n"
      "    permissions: {contents: write}\n"
      "    runs-on: x\n"
      "    steps: [{run: make}]\n"
      "  c:\n"
      "    uses: ./.github/workflows/w.yml\n";  // the top grants no write
  CHECK(LinesOf(narrow, "excessive-permissions") == Lines{2});
  const std::string one_job =
      "on: push\n"
      "permissions: {contents: write}\n"
      "jobs:\n"
      "  a: {runs-on: x, steps: [{run: make}]}\n";
  CHECK(LinesOf(one_job, "excessive-permissions").empty());
  // Scorecard's template: read-all at the top, and every job its own scopes: nothing inherits.
  const std::string scoped =
      "on: push\n"
      "permissions: read-all\n"
      "jobs:\n"
      "  a:\n"
      "    permissions: {security-events: write, id-token: write}\n"
      "    runs-on: x\n"
      "    steps: [{run: make}]\n";
  CHECK(LinesOf(scoped, "excessive-permissions").empty());
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 22: a job image chosen by the matrix is each image the matrix names", "[pins]") {
  const std::string digest =
      "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const std::string workflow =
      "on: push\n"         // 1
      "permissions: {}\n"  // 2
      "jobs:\n"            // 3
      "  a:\n"             // 4
      "    runs-on: x\n"   // 5
      "    strategy:\n"    // 6
      "      matrix:\n"    // 7
      "        image: ['debian:12', 'alpine" +
      digest +
      "']\n"                                                 // 8
      "        node: ['20']\n"                               // 9
      "        include:\n"                                   // 10
      "          - image: ubuntu:24.04\n"                    // 11
      "          - image: ${{ vars.IMAGE }}\n"               // 12
      "    container: ${{ matrix.image }}\n"                 // 13
      "    services:\n"                                      // 14
      "      db: {image: 'node:${{ matrix.node }}-slim'}\n"  // 15
      "      cache: {image: '${{ vars.CACHE }}'}\n"          // 16
      "    steps: [{run: make}]\n";
  const auto issues =
      CheckGithubFile(workflow, ".github/workflows/ci.yml", GithubFileKind::kWorkflow, {});
  std::vector<std::string> images;
  for (const auto& issue : issues) {
    if (issue.rule == "unpinned-image")
      images.push_back(std::to_string(issue.line) + " " + issue.message);
  }
  REQUIRE(images.size() == 3);
  CHECK(images[0].find("13 container image 'debian:12'") == 0);
  CHECK(images[1].find("13 container image 'ubuntu:24.04'") == 0);
  CHECK(images[2].find("15 container image 'node:20-slim'") == 0);
}

}  // namespace riskgate::evaluate::pins
