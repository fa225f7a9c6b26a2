// End to end: errors exit 2 with a message that names what failed; never a silent pass.
#include <catch2/catch.hpp>

#include "support/temp_repo.h"

namespace riskgate::testing {

TEST_CASE("outside a repository the gate fails closed", "[e2e][errors]") {
  TempDir dir;
  auto result = Run({RiskgateBinary(), "check", "--staged"}, dir.path(),
                    {{"GIT_CEILING_DIRECTORIES", dir.path()}, {"GIT_DIR", ""}});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("riskgate: error: ") == 0);
  CHECK(result.err.find("not a git repository") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("a revision that does not exist fails closed", "[e2e][errors]") {
  TempRepo repo;
  repo.Commit("init");
  auto result = repo.Riskgate({"check", "--base", "does-not-exist"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot resolve revision 'does-not-exist'") != std::string::npos);
}

// Issue 19: a commit id that is not in a full clone said "(unknown libgit2 error)"; it now says
// what is missing and how to fetch it, for the base and for the head of the range.
TEST_CASE("a base or head commit that is not in the repository says how to fetch it",
          "[e2e][errors]") {
  TempRepo repo;
  repo.Write("a.txt", "one\n");
  repo.Commit("one");
  repo.Write("a.txt", "two\n");
  repo.Commit("two");
  const std::string absent = "0123456789abcdef0123456789abcdef01234567";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check", "--base", absent}, {"check", "--base", "HEAD~1", "--head", absent}}) {
    auto result = repo.Riskgate(args);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("riskgate: error: ") == 0);
    CHECK(result.err.find("commit " + absent + " is not in this repository") != std::string::npos);
    CHECK(result.err.find("git fetch origin " + absent) != std::string::npos);
    CHECK(result.err.find("fetch-depth: 0") != std::string::npos);
    CHECK(result.err.find("unknown libgit2 error") == std::string::npos);
    CHECK(result.out.empty());
  }
  auto short_id = repo.Riskgate({"check", "--base", "0123abcd"});
  CHECK(short_id.exit_code == 2);
  CHECK(short_id.err.find("commit 0123abcd is not in this repository") != std::string::npos);
  CHECK(short_id.err.find("unknown libgit2 error") == std::string::npos);
}

// A commit that is there but that libgit2 cannot read (no author line: git reads it) is not
// "not in this repository": the error says why it cannot be read.
TEST_CASE("a head commit libgit2 cannot read is not reported as missing", "[e2e][errors]") {
  TempRepo repo;
  repo.Write("a.txt", "one\n");
  const std::string base = repo.Commit("one");
  const std::string tree = repo.Git({"rev-parse", "HEAD^{tree}"});
  repo.Write("body.txt", "tree " + tree.substr(0, 40) + "\nparent " + base +
                             "\ncommitter C <c@example.com> 1700000000 +0000\n\nodd\n");
  std::string odd = repo.Git({"hash-object", "-t", "commit", "--literally", "-w", "body.txt"});
  odd = odd.substr(0, 40);
  auto result = repo.Riskgate({"check", "--base", base, "--head", odd});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot resolve revision '" + odd + "'") != std::string::npos);
  CHECK(result.err.find("signature") != std::string::npos);  // libgit2's reason
  CHECK(result.err.find("is not in this repository") == std::string::npos);
}

TEST_CASE("an invalid policy fails closed with every problem located", "[e2e][errors]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\n"
             "decisions:\n"
             "  critical: explode\n"
             "controls:\n"
             "  secrets:\n"
             "    enabled: true\n"
             "    enabled: false\n"
             "    inline: forbid\n");
  repo.Commit("policy");
  auto result = repo.Riskgate({"check", "--staged"});
  CHECK(result.exit_code == 2);
  const std::string file = repo.path() + "/.riskgate.yaml";
  CHECK(result.err ==
        "riskgate: error: " + file +
            ": 3 problems in policy:\n"
            "  " +
            file +
            ":7:5: enabled: duplicate key\n"
            "  " +
            file +
            ":3:13: decisions.critical: unknown decision 'explode' (expected block, "
            "warn or pass)\n"
            "  " +
            file +
            ":8:5: controls.secrets.inline: unknown key (expected one of: enabled, "
            "rule_packs, rules, disabled_rules, severity, allowlist, inline_suppressions, "
            "gitleaks_config, max_decision)\n");
}

TEST_CASE("a policy file that cannot be read fails closed", "[e2e][errors]") {
  TempRepo repo;
  repo.Commit("init");
  auto result = repo.Riskgate({"check", "--staged", "--policy", "missing.yaml"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("missing.yaml: cannot read the policy") != std::string::npos);
}

TEST_CASE("a rule pack with a bad pattern fails closed naming the rule", "[e2e][errors]") {
  TempRepo repo;
  repo.Write("policy.yaml", "version: 1\ncontrols:\n  secrets:\n    rule_packs: [pack.yaml]\n");
  repo.Write("pack.yaml",
             "pack: mine\nrules:\n"
             "  - id: lookbehind\n    description: d\n    severity: high\n"
             "    regex: '(?<=key=)[a-z]{10}'\n");
  repo.Commit("init");
  auto result = repo.Riskgate({"check", "--staged", "--policy", "policy.yaml"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("pack.yaml:6:12: rules[0] (lookbehind).regex: invalid pattern") !=
        std::string::npos);
}

TEST_CASE("bad command lines exit 2", "[e2e][errors]") {
  TempRepo repo;
  CHECK(repo.Riskgate({"check", "--staged", "--worktree"}).exit_code == 2);
  CHECK(repo.Riskgate({"check", "--head", "HEAD"}).exit_code == 2);
  CHECK(repo.Riskgate({"check", "--format", "yaml"}).exit_code == 2);
  CHECK(repo.Riskgate({"check", "--no-such-flag"}).exit_code == 2);
  CHECK(repo.Riskgate({}).exit_code == 2);
}

TEST_CASE("a dry run exits 0 on a block but still 2 on an error", "[e2e][errors]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  auto blocked = repo.Riskgate({"check", "--staged", "--dry-run"});
  CHECK(blocked.exit_code == 0);
  CHECK(blocked.out.find("BLOCK: 1 finding") != std::string::npos);
  CHECK(blocked.out.find("dry run") != std::string::npos);
  auto error = repo.Riskgate({"check", "--base", "nope", "--dry-run"});
  CHECK(error.exit_code == 2);
}

TEST_CASE("an unwritable output file fails closed and leaves no partial file", "[e2e][errors]") {
  TempRepo repo;
  repo.Commit("init");
  auto result = repo.Riskgate(
      {"check", "--staged", "--format", "json", "--output", "no-such-dir/report.json"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("no-such-dir/report.json") != std::string::npos);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("a tracked path that cannot be read as a file fails closed", "[e2e][errors]") {
  TempRepo repo;
  repo.Write("data.txt", "hello\n");
  repo.Commit("init");
  repo.Remove("data.txt");
  REQUIRE(Shell("mkfifo data.txt", repo.path()).exit_code == 0);
  auto result = repo.Riskgate({"check", "--worktree"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("data.txt: cannot read a tracked file: not a regular file") !=
        std::string::npos);
}

TEST_CASE("git's empty tree as the base judges the whole history of head", "[e2e][range]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  const std::string first = repo.Commit("root leak");
  repo.Write("a.txt", "clean\n");
  repo.Commit("cleanup");
  auto result = repo.Riskgate(
      {"check", "--base", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "--format", "json"});
  CHECK(result.exit_code == 1);
  auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["scope"]["commits"] == 2);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == first);
}

}  // namespace riskgate::testing
