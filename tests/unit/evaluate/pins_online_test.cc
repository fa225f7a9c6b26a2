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

// The SHA pins among a file's action pins.
std::vector<ShaPin> ShaPins(std::string_view text, const std::string& path) {
  std::vector<ShaPin> out = ActionPins(text, path);
  std::erase_if(out, [](const ShaPin& pin) { return pin.sha.empty(); });
  return out;
}

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
  CHECK(wanted.at("octo/tool").commits.at(kSha) == "v1.2.0");
  CHECK(wanted.at("octo/wf").commits.at(kOther) == "v3.1");
  CHECK(wanted.at("octo/tool").refs.empty());
}

TEST_CASE("issue 22: the actions a workflow uses by tag or branch are asked about too",
          "[pins][online]") {
  const auto pins = ActionPins(kWorkflow, ".github/workflows/ci.yml");
  REQUIRE(pins.size() == 5);
  CHECK(pins[2].repository == "octo/other");
  CHECK(pins[2].ref == "v1");
  CHECK(pins[2].sha.empty());
  CHECK(pins[2].line == 8);
  collect::ChangedFile file{".github/workflows/ci.yml", kWorkflow, {8, 9}, false};
  const auto wanted = PinsToLookUp({file});
  REQUIRE(wanted.size() == 1);
  CHECK(wanted.at("octo/other").refs == std::set<std::string>{"v1"});
  CHECK(wanted.at("octo/other").commits.empty());
  // A ref that is no plain git ref name is not sent to the API.
  const std::string odd =
      "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n"
      "      - uses: octo/x@${{ github.sha }}\n      - uses: octo/y@../../z\n"
      "      - uses: octo/z@\n";
  CHECK(ActionPins(odd, ".github/workflows/odd.yml").empty());
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
  const auto tags = ParseGithubTagCommits(R"([{"name": "v1", "commit": {"sha": ")" +
                                          std::string(40, 'a') + R"("}}])");
  REQUIRE(tags);
  CHECK(*tags == std::vector<std::string>{std::string(40, 'a')});
  CHECK_FALSE(ParseGithubTagCommits(R"([{"name": "v1", "commit": {"sha": "abc"}}])"));
  CHECK_FALSE(ParseGithubTagCommits(R"({"name": "v1"})"));
  CHECK(*ParseGithubRefIs(R"({"ref": "refs/tags/v1", "object": {}})", "refs/tags/v1"));
  CHECK_FALSE(*ParseGithubRefIs(R"({"ref": "refs/tags/v1.2", "object": {}})", "refs/tags/v1"));
  CHECK_FALSE(*ParseGithubRefIs(R"([{"ref": "refs/tags/v1.2"}])", "refs/tags/v1"));
  CHECK_FALSE(ParseGithubRefIs(R"({"object": {}})", "refs/tags/v1"));
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

TEST_CASE("issue 22: a SHA no release has, a ref that is a branch and a tag, a vulnerable tag",
          "[pins][online]") {
  const auto pins = ActionPins(kWorkflow, ".github/workflows/ci.yml");
  auto judge = [&](const collect::PinLookups& lookups) {
    std::vector<std::string> found;
    for (const auto& issue : OnlineIssues(pins, lookups)) {
      found.push_back(std::to_string(issue.line) + " " + issue.rule);
    }
    return found;
  };
  collect::PinLookups lookups;
  auto& bare = lookups.actions["octo/bare"];  // line 10: a SHA pin without a release comment
  bare.commits[kSha] = collect::ActionCommit{true, "", ""};
  bare.tags_listed = true;
  bare.tag_commits = {kOther};
  auto& other = lookups.actions["octo/other"];  // line 8: @v1
  other.refs["v1"] = collect::ActionRef{true, true};
  other.advisories.push_back({"GHSA-2", "bad", "high", "< 2.0.0", "2.0.0"});
  CHECK(judge(lookups) == std::vector<std::string>{"8 ref-confusion", "10 stale-action-refs"});
  // A release's commit is no stale ref; tags not (all) listed: not judged; a tag alone (or a
  // branch alone) is no confusion; v1 is a moving major tag: no advisory applies to it.
  bare.tag_commits.insert(kSha);
  other.refs["v1"] = collect::ActionRef{false, true};
  CHECK(judge(lookups).empty());
  bare.tag_commits = {kOther};
  bare.tags_listed = false;
  CHECK(judge(lookups).empty());
  // A commit that is not on record is an impostor, not also stale.
  bare.tags_listed = true;
  bare.commits[kSha].on_record = false;
  CHECK(judge(lookups) == std::vector<std::string>{"10 impostor-commit"});
  // A release tag in an advisory's range, and an archived repository, by tag.
  const std::string by_tag =
      "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: octo/other@v1.4.2\n";
  other.archived = true;
  std::vector<std::string> tagged;
  for (const auto& issue : OnlineIssues(ActionPins(by_tag, ".github/workflows/t.yml"), lookups)) {
    tagged.push_back(issue.rule);
  }
  CHECK(tagged == std::vector<std::string>{"archived-uses", "known-vulnerable-actions"});
}

}  // namespace riskgate::evaluate::pins
