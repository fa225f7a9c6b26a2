// Issue 22: the taint model of script injection (evaluate/pins/workflow_taint.cc): attacker
// text reaches a sink through env:, the matrix, step and job outputs, listed actions' outputs
// and composite actions' inputs, and the inputs actions run as code are sinks like run:.
#include <catch2/catch.hpp>

#include "evaluate/pins/github_workflow.h"
#include "policy/policy.h"
#include "unit/evaluate/workflow_rule_lines.h"

namespace riskgate::evaluate::pins {
namespace {

const PinIssue* First(const std::string& text, const std::string& rule) {
  static std::vector<PinIssue> kept;
  kept = Issues(text, GithubFileKind::kWorkflow);
  for (const auto& issue : kept) {
    if (issue.rule == rule) return &issue;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("issue 22: attacker text through env: reaches a run script as ${{ env.X }}",
          "[pins][taint]") {
  const std::string workflow =
      "on: issues\n"                                             // 1
      "permissions: {}\n"                                        // 2
      "env:\n"                                                   // 3
      "  TITLE: ${{ github.event.issue.title }}\n"               // 4
      "jobs:\n"                                                  // 5
      "  a:\n"                                                   // 6
      "    runs-on: ubuntu-latest\n"                             // 7
      "    env:\n"                                               // 8
      "      BODY: ${{ github.event.issue.body }}\n"             // 9
      "    steps:\n"                                             // 10
      "      - run: echo \"${{ env.TITLE }}\"\n"                 // 11
      "      - run: |\n"                                         // 12
      "          echo \"$BODY\"\n"                               // 13 safe: the shell's
      "          echo ${{ env.body }}\n"                         // 14 case-insensitive
      "      - run: echo ${{ env.TITLE }}\n"                     // 15 set clean again here
      "        env:\n"                                           // 16
      "          TITLE: fixed\n"                                 // 17
      "      - run: echo ${{ env.OTHER }} ${{ env.TITLE_X }}\n"  // 18 names nobody tainted
      "        env:\n"
      "          OTHER: ${{ github.event.issue.number }}\n";
  CHECK(LinesOf(workflow, "script-injection") == Lines{11, 14});
  const PinIssue* issue = First(workflow, "script-injection");
  REQUIRE(issue != nullptr);
  CHECK(issue->message.find("`${{ env.TITLE }}`") != std::string::npos);
  CHECK(issue->message.find("github.event.issue.title through env.TITLE") != std::string::npos);
  CHECK(issue->fix.find("\"$TITLE\" in the script") != std::string::npos);
}

TEST_CASE("issue 22: attacker text through a matrix, step outputs and job outputs is injection",
          "[pins][taint]") {
  const std::string workflow =
      "on: pull_request_target\n"                                                          // 1
      "permissions: {}\n"                                                                  // 2
      "jobs:\n"                                                                            // 3
      "  meta:\n"                                                                          // 4
      "    runs-on: ubuntu-latest\n"                                                       // 5
      "    outputs:\n"                                                                     // 6
      "      branch: ${{ steps.read.outputs.ref }}\n"                                      // 7
      "      count: ${{ steps.read.outputs.count }}\n"                                     // 8
      "    steps:\n"                                                                       // 9
      "      - id: read\n"                                                                 // 10
      "        run: |\n"                                                                   // 11
      "          echo \"ref=${{ github.head_ref }}\" >> \"$GITHUB_OUTPUT\"\n"              // 12
      "          echo \"count=3\" >> \"$GITHUB_OUTPUT\"\n"                                 // 13
      "      - run: echo ${{ steps.read.outputs.ref }} ${{ steps.read.outputs.count }}\n"  // 14
      "  use:\n"                                                                           // 15
      "    needs: meta\n"                                                                  // 16
      "    runs-on: ubuntu-latest\n"                                                       // 17
      "    strategy:\n"                                                                    // 18
      "      matrix:\n"                                                                    // 19
      "        name: [a, b]\n"                                                             // 20
      "        include:\n"                                                                 // 21
      "          - label: ${{ github.event.pull_request.title }}\n"                        // 22
      "    steps:\n"                                                                       // 23
      "      - run: echo ${{ needs.meta.outputs.branch }}\n"                               // 24
      "      - run: echo ${{ needs.meta.outputs.count }} ${{ matrix.name }}\n"             // 25
      "      - run: echo ${{ matrix.label }}\n";                                           // 26
  CHECK(LinesOf(workflow, "script-injection") == Lines{12, 14, 24, 26});
}

TEST_CASE("issue 22: a run step's outputs from a tainted environment variable are tainted",
          "[pins][taint]") {
  const std::string workflow =
      "on: issue_comment\n"
      "permissions: {}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - id: c\n"
      "        env:\n"
      "          BODY: ${{ github.event.comment.body }}\n"
      "        run: |\n"
      "          echo \"cmd=${BODY#/run }\" >> $GITHUB_OUTPUT\n"
      "          echo \"::set-output name=old::$BODY\"\n"
      "      - run: ${{ steps.c.outputs.cmd }}\n"   // 13
      "      - run: ${{ steps.c.outputs.old }}\n";  // 14
  CHECK(LinesOf(workflow, "script-injection") == Lines{13, 14});
}

TEST_CASE("issue 22: outputs of actions listed as carrying a pull request's text are tainted",
          "[pins][taint]") {
  const std::string workflow =
      "on: pull_request\n"
      "permissions: {}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - id: changed\n"
      "        uses: tj-actions/changed-files@0123456789abcdef0123456789abcdef01234567 # v46\n"
      "      - id: filter\n"
      "        uses: dorny/paths-filter@0123456789abcdef0123456789abcdef01234567 # v3\n"
      "      - run: |\n"  // 11
      "          for f in ${{ steps.changed.outputs.all_changed_files }}; do lint $f; done\n"
      "          echo ${{ steps.filter.outputs.src_files }}\n"  // 13
      "          echo ${{ steps.filter.outputs.src }}\n";       // 14: true/false
  CHECK(LinesOf(workflow, "script-injection") == Lines{12, 13});
}

TEST_CASE("issue 22: the inputs actions run as code are sinks, extensible by policy",
          "[pins][taint]") {
  const std::string workflow =
      "on: issues\n"                                                                         // 1
      "permissions: {}\n"                                                                    // 2
      "jobs:\n"                                                                              // 3
      "  a:\n"                                                                               // 4
      "    runs-on: ubuntu-latest\n"                                                         // 5
      "    steps:\n"                                                                         // 6
      "      - uses: mikefarah/yq@0123456789abcdef0123456789abcdef01234567 # v4\n"           // 7
      "        with:\n"                                                                      // 8
      "          cmd: yq '.title = \"${{ github.event.issue.title }}\"' f.yml\n"             // 9
      "      - uses: Azure/powershell@0123456789abcdef0123456789abcdef01234567 # v2\n"       // 10
      "        with:\n"                                                                      // 11
      "          inlineScript: Write-Host \"${{ github.event.issue.body }}\"\n"              // 12
      "      - uses: actions/github-script@0123456789abcdef0123456789abcdef01234567 # v7\n"  // 13
      "        with:\n"                                                                      // 14
      "          github-token: ${{ github.event.issue.title }}\n"                    // 15 no
      "          script: console.log('${{ github.event.issue.title }}')\n"           // 16
      "      - uses: my-org/run-js@0123456789abcdef0123456789abcdef01234567 # v1\n"  // 17
      "        with:\n"                                                              // 18
      "          code: ${{ github.event.issue.title }}\n";                           // 19
  CHECK(LinesOf(workflow, "script-injection") == Lines{9, 12, 16});
  policy::PinsControl pins;
  pins.script_inputs["my-org/run-js"] = {"code"};
  CHECK(LinesOf(workflow, "script-injection", GithubFileKind::kWorkflow, pins) ==
        Lines{9, 12, 16, 19});
}

TEST_CASE("issue 22: string inputs of composite actions and reusable workflows are the caller's",
          "[pins][taint]") {
  const std::string action =
      "name: a\n"                                          // 1
      "inputs:\n"                                          // 2
      "  version: {description: v}\n"                      // 3
      "runs:\n"                                            // 4
      "  using: composite\n"                               // 5
      "  steps:\n"                                         // 6
      "    - run: install ${{ inputs.version }}\n"         // 7
      "      shell: bash\n"                                // 8
      "    - run: install \"$V\"\n"                        // 9
      "      shell: bash\n"                                // 10
      "      env:\n"                                       // 11
      "        V: ${{ inputs.version }}\n"                 // 12
      "    - run: echo ${{ github.event.issue.title }}\n"  // 13
      "      shell: bash\n";                               // 14
  CHECK(LinesOf(action, "script-injection-input", GithubFileKind::kActionMetadata) == Lines{7});
  CHECK(LinesOf(action, "script-injection", GithubFileKind::kActionMetadata) == Lines{13});
  const std::string reusable =
      "on:\n"                                                       // 1
      "  workflow_call:\n"                                          // 2
      "    inputs:\n"                                               // 3
      "      name: {type: string}\n"                                // 4
      "      dry: {type: boolean}\n"                                // 5
      "  workflow_dispatch:\n"                                      // 6
      "    inputs:\n"                                               // 7
      "      level: {type: string}\n"                               // 8
      "permissions: {}\n"                                           // 9
      "jobs:\n"                                                     // 10
      "  a:\n"                                                      // 11
      "    runs-on: ubuntu-latest\n"                                // 12
      "    steps:\n"                                                // 13
      "      - run: echo ${{ inputs.name }} ${{ inputs.dry }}\n"    // 14
      "      - run: echo ${{ inputs.dry }} ${{ inputs.level }}\n";  // 15: dispatch needs write
  CHECK(LinesOf(reusable, "script-injection-input") == Lines{14});
  CHECK(LinesOf(reusable, "script-injection").empty());
}

TEST_CASE("issue 22: names that only look like tainted ones are not", "[pins][taint]") {
  const std::string workflow =
      "on: issues\n"
      "permissions: {}\n"
      "env:\n"
      "  TITLE: ${{ github.event.issue.title }}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - id: s\n"
      "        run: echo \"x=${{ github.event.issue.number }}\" >> $GITHUB_OUTPUT\n"
      "      - run: |\n"
      "          echo ${{ github.event.env.title }} ${{ steps.s.outputs.x }}\n"
      "          echo ${{ steps.other.outputs.x }} ${{ needs.s.outputs.x }}\n"
      "          echo ${{ secrets.TITLE }} ${{ vars.TITLE }}\n";
  CHECK(LinesOf(workflow, "script-injection").empty());
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 22: attacker text in a multi-line step output or a run-time matrix is tainted",
          "[pins][taint]") {
  const std::string workflow =
      "on: issues\n"                                                              // 1
      "permissions: {}\n"                                                         // 2
      "jobs:\n"                                                                   // 3
      "  a:\n"                                                                    // 4
      "    runs-on: ubuntu-latest\n"                                              // 5
      "    strategy:\n"                                                           // 6
      "      matrix:\n"                                                           // 7
      "        os: [linux]\n"                                                     // 8
      "        include: ${{ fromJSON(github.event.issue.body) }}\n"               // 9
      "    steps:\n"                                                              // 10
      "      - id: o\n"                                                           // 11
      "        env: {BODY: '${{ github.event.issue.body }}'}\n"                   // 12
      "        run: |\n"                                                          // 13
      "          echo \"text<<EOF\" >> \"$GITHUB_OUTPUT\"\n"                      // 14
      "          echo \"$BODY\" >> \"$GITHUB_OUTPUT\"\n"                          // 15
      "          echo \"EOF\" >> \"$GITHUB_OUTPUT\"\n"                            // 16
      "          echo \"n=1\" >> \"$GITHUB_OUTPUT\"\n"                            // 17
      "      - run: echo ${{ steps.o.outputs.text }} ${{ steps.o.outputs.n }}\n"  // 18
      "      - run: echo ${{ matrix.flavour }}\n";                                // 19
  CHECK(LinesOf(workflow, "script-injection") == Lines{18, 19});
}

TEST_CASE(
    "issue 22: the event payload read from its file and written to GITHUB_ENV is "
    "github-env",
    "[pins][taint]") {
  const std::string workflow =
      "on: pull_request_target\n"
      "permissions: {}\n"
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - run: |\n"
      "          echo \"T=$(jq -r .pull_request.title \"$GITHUB_EVENT_PATH\")\" >> $GITHUB_ENV\n";
  CHECK(LinesOf(workflow, "github-env") == Lines{8});
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 22: a name chosen at run time or a whole context may be any tainted name",
          "[pins][taint]") {
  const std::string workflow =
      "on: issues\n"                                                     // 1
      "permissions: {}\n"                                                // 2
      "env:\n"                                                           // 3
      "  T: ${{ github.event.issue.title }}\n"                           // 4
      "  SAFE: fixed\n"                                                  // 5
      "jobs:\n"                                                          // 6
      "  a:\n"                                                           // 7
      "    runs-on: ubuntu-latest\n"                                     // 8
      "    steps:\n"                                                     // 9
      "      - run: echo ${{ env[format('{0}', 'T')] }}\n"               // 10
      "      - run: echo '${{ toJSON(env) }}'\n"                         // 11
      "      - run: echo ${{ env['SAFE'] }} ${{ env.SAFE }}\n"           // 12 a literal index
      "      - run: echo ${{ toJSON(matrix) }} ${{ toJSON(steps) }}\n";  // 13 nothing tainted
  CHECK(LinesOf(workflow, "script-injection") == Lines{10, 11});
}

}  // namespace riskgate::evaluate::pins
