// Issue 22: taint between files of one repository (evaluate/pins/local_callers.cc): what the
// workflows pass to the repository's own composite actions and reusable workflows, judged in
// the callee (its inputs are the attacker's where a caller passes the attacker's text) and at
// the call (the attacker's text passed to an input the callee expands into a shell).
#include <catch2/catch.hpp>

#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/local_callers.h"
#include "policy/policy.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kCallers =
    "on: [issues, pull_request_target]\n"               // 1
    "permissions: {}\n"                                 // 2
    "jobs:\n"                                           // 3
    "  t:\n"                                            // 4
    "    runs-on: ubuntu-latest\n"                      // 5
    "    env:\n"                                        // 6
    "      TITLE: ${{ github.event.issue.title }}\n"    // 7
    "    steps:\n"                                      // 8
    "      - uses: ./.github/actions/greet/\n"          // 9
    "        with:\n"                                   // 10
    "          who: ${{ env.TITLE }}\n"                 // 11
    "          count: ${{ github.run_number }}\n"       // 12 not the attacker's
    "      - uses: octo/greet@v1\n"                     // 13 not local
    "        with:\n"                                   // 14
    "          who: ${{ github.event.issue.title }}\n"  // 15
    "  call:\n"                                         // 16
    "    uses: ./.github/workflows/reuse.yml\n"         // 17
    "    with:\n"                                       // 18
    "      branch: ${{ github.head_ref }}\n";           // 19

const std::string kComposite =
    "name: greet\n"                            // 1
    "inputs:\n"                                // 2
    "  who: {description: who}\n"              // 3
    "  count: {description: how often}\n"      // 4
    "runs:\n"                                  // 5
    "  using: composite\n"                     // 6
    "  steps:\n"                               // 7
    "    - run: echo \"${{ inputs.who }}\"\n"  // 8
    "      shell: bash\n"                      // 9
    "    - run: seq ${{ inputs.count }}\n"     // 10
    "      shell: bash\n";                     // 11

std::vector<std::string> Found(const std::vector<PinIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) {
    if (issue.rule.starts_with("script-injection")) {
      out.push_back(std::to_string(issue.line) + " " + issue.rule);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("issue 22: the attacker's text workflows pass to the repository's own actions",
          "[pins][taint]") {
  const auto callers = FindLocalCallers({{".github/workflows/t.yml", kCallers}}, {});
  REQUIRE(callers.size() == 2);
  const auto& greet = callers.at(".github/actions/greet");
  REQUIRE(greet.size() == 1);  // `count` carries no attacker text; octo/greet is not local
  CHECK(greet.at("who").source == "github.event.issue.title through env.TITLE");
  CHECK(greet.at("who").caller == ".github/workflows/t.yml");
  CHECK(greet.at("who").line == 11);
  CHECK(callers.at(".github/workflows/reuse.yml").at("branch").source == "github.head_ref");
  CHECK(FindLocalCallers({{"x.yml", "not: [valid"}}, {}).empty());
  // A key-less `with:` entry (`: value`) names no input (GitHub refuses the workflow): nothing
  // is recorded under an empty name (found by fuzz_github_workflow).
  const auto keyless = FindLocalCallers({{".github/workflows/k.yml",
                                          "on: issues\njobs:\n  c:\n"
                                          "    uses: ./.github/workflows/reuse.yml\n"
                                          "    with:\n"
                                          "      : ${{ github.event.issue.title }}\n"
                                          "      who: ${{ github.event.issue.title }}\n"}},
                                        {});
  REQUIRE(keyless.size() == 1);
  CHECK(keyless.at(".github/workflows/reuse.yml").size() == 1);
  CHECK(keyless.at(".github/workflows/reuse.yml").count("who") == 1);

  CHECK(LocalCalleeKey(".github/actions/greet/action.yml") == ".github/actions/greet");
  CHECK(LocalCalleeKey("action.yaml").empty());
  CHECK(LocalCalleeKey(".github/workflows/reuse.yml") == ".github/workflows/reuse.yml");
}

TEST_CASE("issue 22: a composite action's input fed by the attacker is script-injection",
          "[pins][taint]") {
  const std::string path = ".github/actions/greet/action.yml";
  // Alone, its inputs are a caller's.
  CHECK(Found(CheckGithubFile(kComposite, path, GithubFileKind::kActionMetadata, {})) ==
        std::vector<std::string>{"8 script-injection-input", "10 script-injection-input"});
  collect::PinLookups gathered;
  gathered.callers = FindLocalCallers({{".github/workflows/t.yml", kCallers}}, {});
  const auto issues =
      CheckGithubFile(kComposite, path, GithubFileKind::kActionMetadata, {}, &gathered);
  CHECK(Found(issues) ==
        std::vector<std::string>{"8 script-injection", "10 script-injection-input"});
  CHECK(issues[0].message.find("which .github/workflows/t.yml line 11 passes as inputs.who") !=
        std::string::npos);
  // The inputs it expands, for its callers' judgement.
  CHECK(InputsReachingSinks(kComposite, path, GithubFileKind::kActionMetadata, {}) ==
        std::map<std::string, int>{{"count", 10}, {"who", 8}});
}

TEST_CASE("issue 22: passing the attacker's text to an input the callee runs is script-injection",
          "[pins][taint]") {
  collect::PinLookups gathered;
  gathered.callee_sinks[".github/actions/greet"] = {{"who", 8}};
  gathered.callee_sinks[".github/workflows/reuse.yml"] = {{"other", 3}};
  const auto issues = CheckGithubFile(kCallers, ".github/workflows/t.yml",
                                      GithubFileKind::kWorkflow, {}, &gathered);
  CHECK(Found(issues) == std::vector<std::string>{"11 script-injection"});
  // Nothing gathered: a call is no sink.
  CHECK(Found(CheckGithubFile(kCallers, ".github/workflows/t.yml", GithubFileKind::kWorkflow, {}))
            .empty());
}

}  // namespace riskgate::evaluate::pins
