// Issue 22: the offline half of the online checks (evaluate/pins/online_pins.cc): which pins a
// change asks GitHub about, advisory version ranges, and the issues made of the answers.
#include <catch2/catch.hpp>

#include "collect/forge/forge_json.h"
#include "evaluate/pins/online_pins.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kSha(40, 'a');
const std::string kOther(40, 'b');

const std::string kWorkflow =
    "on: push\n"        // 1
    "jobs:\n"           // 2
    "  a:\n"            // 3
    "    runs-on: x\n"  // 4
    "    steps:\n"      // 5
    "      - uses: Octo/Tool@" +
    kSha +
    " # v1.2.0\n"  // 6
    "      - uses: octo/tool/sub@" +
    kOther +
    " # tag=v2\n"                    // 7
    "      - uses: octo/other@v1\n"  // 8 a tag: not looked up
    "      - uses: ./local\n"        // 9
    "      - uses: octo/bare@" +
    kSha +
    "\n"      // 10 no comment
    "  b:\n"  // 11
    "    uses: octo/wf/.github/workflows/x.yml@" +
    kOther + " # ratchet:octo/wf@v3.1\n";  // 12

}  // namespace

TEST_CASE("issue 22: the SHA pins of a workflow, with the release their comment names",
          "[pins][online]") {
  const auto pins = ShaPins(kWorkflow, ".github/workflows/ci.yml");
  REQUIRE(pins.size() == 4);
  CHECK(pins[0].repository == "octo/tool");
  CHECK(pins[0].tag == "v1.2.0");
  CHECK(pins[0].line == 6);
  CHECK(pins[1].repository == "octo/tool");
  CHECK(pins[1].tag == "v2");
  CHECK(pins[2].repository == "octo/bare");
  CHECK(pins[2].tag.empty());
  CHECK(pins[3].repository == "octo/wf");
  CHECK(pins[3].tag == "v3.1");
  CHECK(ShaPins(kWorkflow, "docs/ci.yml").empty());  // not a workflow

  // Only the lines a change added are looked up.
  collect::ChangedFile file{".github/workflows/ci.yml", kWorkflow, {6, 12}, false};
  const auto wanted = PinsToLookUp({file});
  REQUIRE(wanted.size() == 2);
  CHECK(wanted.at("octo/tool").at(kSha) == "v1.2.0");
  CHECK(wanted.at("octo/wf").at(kOther) == "v3.1");
}

TEST_CASE("issue 22: advisory version ranges", "[pins][online]") {
  CHECK(VersionInRange("v1.2.0", "< 1.2.1"));
  CHECK_FALSE(VersionInRange("v1.2.1", "< 1.2.1"));
  CHECK(VersionInRange("1.5", ">= 1.0.0, < 2"));
  CHECK_FALSE(VersionInRange("2.0.0", ">= 1.0.0, < 2"));
  CHECK(VersionInRange("v3.0.0", "= 3.0.0"));
  CHECK(VersionInRange("v3.0.0-rc.1", "<= 3.0.0"));
  CHECK_FALSE(VersionInRange("v4", "< 4.0.1"));  // a major tag moves: unknown release
  CHECK_FALSE(VersionInRange("", "< 1"));
  CHECK_FALSE(VersionInRange("v1.0", "< banana"));
  CHECK_FALSE(VersionInRange("v1.0", ""));
}

TEST_CASE("issue 22: GitHub's answers about an action are read or refused", "[pins][online]") {
  using namespace collect::forge;
  const auto repository = ParseGithubRepository(R"({"archived": true, "default_branch": "main"})");
  REQUIRE(repository);
  CHECK(repository->archived);
  CHECK(repository->default_branch == "main");
  CHECK_FALSE(ParseGithubRepository(R"({"archived": "yes", "default_branch": "main"})"));
  CHECK_FALSE(ParseGithubRepository(R"({"archived": false})"));
  CHECK(*ParseGithubCompareStatus(R"({"status": "behind"})") == "behind");
  CHECK_FALSE(ParseGithubCompareStatus(R"({"status": "sideways"})"));
  const auto advisories = ParseGithubAdvisories(
      R"([{"ghsa_id": "GHSA-1", "summary": "s", "severity": "high", "vulnerabilities": [
           {"package": {"ecosystem": "actions", "name": "Octo/Tool"},
            "vulnerable_version_range": "< 1.2.1", "first_patched_version": "1.2.1"},
           {"package": {"ecosystem": "actions", "name": "octo/else"},
            "vulnerable_version_range": "< 9"}]}])",
      "octo/tool");
  REQUIRE(advisories);
  REQUIRE(advisories->size() == 1);
  CHECK(advisories->front().id == "GHSA-1");
  CHECK(advisories->front().patched == "1.2.1");
  CHECK_FALSE(ParseGithubAdvisories(R"([{"summary": "no id", "vulnerabilities": []}])", "o/r"));
}

TEST_CASE("issue 22: the online issues made of what GitHub said", "[pins][online]") {
  collect::PinLookups lookups;
  auto& tool = lookups.actions["octo/tool"];
  tool.archived = true;
  tool.advisories.push_back({"GHSA-1", "bad", "high", "< 1.2.1", "1.2.1"});
  tool.commits[kSha] = collect::ActionCommit{true, "v1.2.0", kSha};
  tool.commits[kOther] = collect::ActionCommit{false, "v2", ""};
  const auto pins = ShaPins(kWorkflow, ".github/workflows/ci.yml");
  std::vector<std::string> found;
  for (const auto& issue : OnlineIssues(pins, lookups)) {
    found.push_back(std::to_string(issue.line) + " " + issue.rule);
  }
  CHECK(found == std::vector<std::string>{"6 archived-uses", "6 known-vulnerable-actions",
                                          "7 impostor-commit", "7 archived-uses"});
  // Nothing looked up: nothing judged (the run notes why).
  CHECK(OnlineIssues(pins, collect::PinLookups{}).empty());
}

}  // namespace riskgate::evaluate::pins
