// End to end: `riskgate check` with no scope flag picks the scope from the real environment
// variables and event payloads of each platform.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using Env = std::map<std::string, std::string>;

// No platform at all: every detection variable unset.
Env Bare() {
  return {{"GITHUB_ACTIONS", ""},      {"GITHUB_EVENT_NAME", ""},
          {"GITHUB_EVENT_PATH", ""},   {"GITLAB_CI", ""},
          {"CI_PIPELINE_SOURCE", ""},  {"PRE_COMMIT", ""},
          {"PRE_COMMIT_FROM_REF", ""}, {"PRE_COMMIT_TO_REF", ""},
          {"GIT_INDEX_FILE", ""},      {"CI", ""}};
}

Env With(Env env, const Env& more) {
  for (const auto& [k, v] : more) env[k] = v;
  return env;
}

// base -> leak commit on a feature branch; main stays at base.
struct PrRepo {
  TempRepo repo;
  std::string base;
  std::string head;
  PrRepo() {
    repo.Write("README.md", "x\n");
    base = repo.Commit("base");
    repo.Git({"checkout", "-q", "-b", "feature"});
    repo.Write("ci.sh", "export T=" + FakeGithubToken() + "\n");
    head = repo.Commit("feature work");
    // What a CI checkout has: the default branch as a remote-tracking ref.
    repo.Git({"update-ref", "refs/remotes/origin/main", base});
  }
  std::string WritePayload(const std::string& json) {
    repo.Write(".git/event.json", json);
    return repo.path() + "/.git/event.json";
  }
};

}  // namespace

TEST_CASE("a GitHub pull_request or pull_request_target judges base.sha..head.sha",
          "[e2e][scope]") {
  PrRepo pr;
  // GITHUB_SHA would be the test merge commit (or the base, for pull_request_target); riskgate
  // must not use it.
  const std::string payload = pr.WritePayload(
      R"({"number": 12, "pull_request": {"number": 12, "base": {"sha": ")" + pr.base +
      R"(", "ref": "main"}, "head": {"sha": ")" + pr.head +
      R"(", "ref": "feature", "repo": {"full_name": "o/r"}}, "user": {"login": "dev"}}})");
  for (const std::string event : {"pull_request", "pull_request_target"}) {
    auto doc = pr.repo.RiskgateJson({"check"}, 1,
                                    With(Bare(), {{"GITHUB_ACTIONS", "true"},
                                                  {"GITHUB_EVENT_NAME", event},
                                                  {"GITHUB_EVENT_PATH", payload},
                                                  {"GITHUB_SHA", "0123456789"}}));
    CHECK(doc["scope"]["mode"] == "range");
    CHECK(doc["scope"]["base"] == pr.base);
    CHECK(doc["scope"]["head"] == pr.head);
    CHECK(doc["scope"]["description"].get<std::string>().find("github:" + event + " #12") !=
          std::string::npos);
  }
}

TEST_CASE("a GitHub push judges before..after, and a new branch against the default branch",
          "[e2e][scope]") {
  PrRepo pr;
  auto push = pr.repo.RiskgateJson(
      {"check"}, 1,
      With(Bare(),
           {{"GITHUB_ACTIONS", "true"},
            {"GITHUB_EVENT_NAME", "push"},
            {"GITHUB_EVENT_PATH", pr.WritePayload(R"({"before": ")" + pr.base + R"(", "after": ")" +
                                                  pr.head + R"(", "forced": false})")}}));
  CHECK(push["scope"]["base"] == pr.base);
  CHECK(push["scope"]["head"] == pr.head);

  auto fresh = pr.repo.RiskgateJson(
      {"check"}, 1,
      With(Bare(),
           {{"GITHUB_ACTIONS", "true"},
            {"GITHUB_EVENT_NAME", "push"},
            {"GITHUB_EVENT_PATH",
             pr.WritePayload(R"({"before": ")" + std::string(40, '0') + R"(", "after": ")" +
                             pr.head + R"(", "repository": {"default_branch": "main"}})")}}));
  CHECK(fresh["scope"]["base"] == pr.base);
  CHECK(fresh["scope"]["description"].get<std::string>().find("new branch") != std::string::npos);
}

TEST_CASE("a GitHub payload that is not JSON fails closed", "[e2e][scope]") {
  PrRepo pr;
  auto result = pr.repo.Riskgate(
      {"check"}, With(Bare(), {{"GITHUB_ACTIONS", "true"},
                               {"GITHUB_EVENT_NAME", "pull_request"},
                               {"GITHUB_EVENT_PATH", pr.WritePayload("{\"pull_request\": ")}}));
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("the GitHub event payload is not JSON") != std::string::npos);
}

TEST_CASE("a GitLab merge-request pipeline judges DIFF_BASE_SHA..CI_COMMIT_SHA", "[e2e][scope]") {
  PrRepo pr;
  auto doc = pr.repo.RiskgateJson({"check"}, 1,
                                  With(Bare(), {{"GITLAB_CI", "true"},
                                                {"CI_PIPELINE_SOURCE", "merge_request_event"},
                                                {"CI_MERGE_REQUEST_DIFF_BASE_SHA", pr.base},
                                                {"CI_MERGE_REQUEST_IID", "7"},
                                                {"CI_COMMIT_SHA", pr.head}}));
  CHECK(doc["scope"]["base"] == pr.base);
  CHECK(doc["scope"]["head"] == pr.head);
  CHECK(doc["scope"]["description"].get<std::string>().find("!7") != std::string::npos);
}

TEST_CASE("a GitLab branch pipeline judges before..sha, or a new branch against the default",
          "[e2e][scope]") {
  PrRepo pr;
  auto push = pr.repo.RiskgateJson({"check"}, 1,
                                   With(Bare(), {{"GITLAB_CI", "true"},
                                                 {"CI_PIPELINE_SOURCE", "push"},
                                                 {"CI_COMMIT_BEFORE_SHA", pr.base},
                                                 {"CI_COMMIT_SHA", pr.head}}));
  CHECK(push["scope"]["base"] == pr.base);
  auto fresh = pr.repo.RiskgateJson({"check"}, 1,
                                    With(Bare(), {{"GITLAB_CI", "true"},
                                                  {"CI_PIPELINE_SOURCE", "push"},
                                                  {"CI_COMMIT_BEFORE_SHA", std::string(40, '0')},
                                                  {"CI_COMMIT_SHA", pr.head},
                                                  {"CI_DEFAULT_BRANCH", "main"}}));
  CHECK(fresh["scope"]["base"] == pr.base);
}

TEST_CASE("a new branch whose default branch is not in the clone fails closed", "[e2e][scope]") {
  PrRepo pr;
  auto result =
      pr.repo.Riskgate({"check"}, With(Bare(), {{"GITLAB_CI", "true"},
                                                {"CI_PIPELINE_SOURCE", "push"},
                                                {"CI_COMMIT_BEFORE_SHA", std::string(40, '0')},
                                                {"CI_COMMIT_SHA", pr.head},
                                                {"CI_DEFAULT_BRANCH", "trunk"}}));
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("'trunk' is not in this clone") != std::string::npos);
}

TEST_CASE("under pre-commit the staged index is judged", "[e2e][scope]") {
  PrRepo pr;
  pr.repo.Write("new.txt", "k=" + FakeAwsKeyId() + "\n");
  pr.repo.Git({"add", "new.txt"});
  auto doc = pr.repo.RiskgateJson({"check"}, 1, With(Bare(), {{"PRE_COMMIT", "1"}}));
  CHECK(doc["scope"]["mode"] == "staged");
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "new.txt");
}

TEST_CASE("on a laptop: staged changes if any, else the branch against its upstream",
          "[e2e][scope]") {
  PrRepo pr;
  pr.repo.Git({"remote", "add", "origin", "https://git.example/o/r.git"});
  pr.repo.Git({"config", "branch.feature.remote", "origin"});
  pr.repo.Git({"config", "branch.feature.merge", "refs/heads/main"});
  auto upstream = pr.repo.RiskgateJson({"check"}, 1, Bare());
  CHECK(upstream["scope"]["mode"] == "range");
  CHECK(upstream["scope"]["base"] == pr.base);
  CHECK(upstream["scope"]["description"].get<std::string>().find("upstream") != std::string::npos);

  pr.repo.Write("staged.txt", "hello\n");
  pr.repo.Git({"add", "staged.txt"});
  auto staged = pr.repo.RiskgateJson({"check"}, 0, Bare());
  CHECK(staged["scope"]["mode"] == "staged");
}

TEST_CASE("scope flags override the environment", "[e2e][scope]") {
  PrRepo pr;
  auto doc = pr.repo.RiskgateJson({"check", "--worktree"}, 1,
                                  With(Bare(), {{"GITLAB_CI", "true"},
                                                {"CI_PIPELINE_SOURCE", "merge_request_event"},
                                                {"CI_MERGE_REQUEST_DIFF_BASE_SHA", pr.base},
                                                {"CI_COMMIT_SHA", pr.head}}));
  CHECK(doc["scope"]["mode"] == "worktree");
}

TEST_CASE("a warn-only run can exit with an opt-in code", "[e2e][scope]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\ndecisions: {critical: warn}\n");
  repo.Commit("policy");
  repo.Write("a.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "a.txt"});
  CHECK(repo.Riskgate({"check", "--staged"}).exit_code == 0);
  CHECK(repo.Riskgate({"check", "--staged", "--warn-exit-code", "3"}).exit_code == 3);
  CHECK(repo.Riskgate({"check", "--staged", "--warn-exit-code", "1"}).exit_code == 2);
}

TEST_CASE("issue 16: a GitHub merge_group judges merge_group.base_sha..head_sha",
          "[e2e][scope][issue16]") {
  PrRepo pr;
  auto doc = pr.repo.RiskgateJson(
      {"check"}, 1,
      With(Bare(),
           {{"GITHUB_ACTIONS", "true"},
            {"GITHUB_EVENT_NAME", "merge_group"},
            {"GITHUB_EVENT_PATH",
             pr.WritePayload(R"({"merge_group": {"base_sha": ")" + pr.base + R"(", "head_sha": ")" +
                             pr.head + R"(", "base_ref": "refs/heads/main"}})")}}));
  CHECK(doc["scope"]["mode"] == "range");
  CHECK(doc["scope"]["base"] == pr.base);
  CHECK(doc["scope"]["head"] == pr.head);
  auto broken = pr.repo.Riskgate(
      {"check"}, With(Bare(), {{"GITHUB_ACTIONS", "true"},
                               {"GITHUB_EVENT_NAME", "merge_group"},
                               {"GITHUB_EVENT_PATH", pr.WritePayload(R"({"merge_group": {}})")}}));
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("merge_group.base_sha") != std::string::npos);
}

TEST_CASE("issue 16: a pull_request event whose payload has no pull_request object is an error",
          "[e2e][scope][issue16]") {
  PrRepo pr;
  for (const std::string event : {"pull_request", "pull_request_target"}) {
    auto result = pr.repo.Riskgate(
        {"check"}, With(Bare(), {{"GITHUB_ACTIONS", "true"},
                                 {"GITHUB_EVENT_NAME", event},
                                 {"GITHUB_EVENT_PATH", pr.WritePayload(R"({"number": 3})")}}));
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("no `pull_request` object") != std::string::npos);
  }
}

TEST_CASE(
    "issue 16: a GitHub schedule or manual run audits the checkout under the default "
    "branch's policy",
    "[e2e][scope][issue16]") {
  PrRepo pr;
  // The checked-out branch turns the secrets control off for itself.
  pr.repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets:\n    enabled: false\n");
  pr.repo.Commit("quiet");
  const Env schedule =
      With(Bare(), {{"GITHUB_ACTIONS", "true"},
                    {"GITHUB_EVENT_NAME", "schedule"},
                    {"GITHUB_REF_NAME", "main"},
                    {"GITHUB_EVENT_PATH", pr.WritePayload(R"({"schedule": "0 3 * * *"})")}});
  auto doc = pr.repo.RiskgateJson({"check"}, 1, schedule);
  CHECK(doc["scope"]["mode"] == "worktree");
  CHECK(doc["scope"]["description"].get<std::string>().find("default branch policy") !=
        std::string::npos);
  auto manual = pr.repo.RiskgateJson(
      {"check"}, 1,
      With(Bare(), {{"GITHUB_ACTIONS", "true"},
                    {"GITHUB_EVENT_NAME", "workflow_dispatch"},
                    {"GITHUB_EVENT_PATH",
                     pr.WritePayload(R"({"ref": "refs/heads/feature", "inputs": {}, )"
                                     R"("repository": {"default_branch": "main"}})")}}));
  CHECK(manual["scope"]["mode"] == "worktree");
  bool leak = false;
  for (const auto& f : manual["findings"]) leak = leak || f["path"] == "ci.sh";
  CHECK(leak);
}

TEST_CASE("issue 16: a GitLab external pull request judges its target..source commits",
          "[e2e][scope][issue16]") {
  PrRepo pr;
  auto doc =
      pr.repo.RiskgateJson({"check"}, 1,
                           With(Bare(), {{"GITLAB_CI", "true"},
                                         {"CI_PIPELINE_SOURCE", "external_pull_request_event"},
                                         {"CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA", pr.base},
                                         {"CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA", pr.head},
                                         {"CI_EXTERNAL_PULL_REQUEST_IID", "4"},
                                         {"CI_COMMIT_SHA", pr.head}}));
  CHECK(doc["scope"]["mode"] == "range");
  CHECK(doc["scope"]["base"] == pr.base);
  CHECK(doc["scope"]["head"] == pr.head);
  auto missing = pr.repo.Riskgate(
      {"check"}, With(Bare(), {{"GITLAB_CI", "true"},
                               {"CI_PIPELINE_SOURCE", "external_pull_request_event"},
                               {"CI_COMMIT_SHA", pr.head}}));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA") != std::string::npos);
}

TEST_CASE("issue 16: a GitLab scheduled pipeline audits under the default branch's policy",
          "[e2e][scope][issue16]") {
  PrRepo pr;
  pr.repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets:\n    enabled: false\n");
  pr.repo.Commit("quiet");
  auto doc = pr.repo.RiskgateJson({"check"}, 1,
                                  With(Bare(), {{"GITLAB_CI", "true"},
                                                {"CI_PIPELINE_SOURCE", "schedule"},
                                                {"CI_DEFAULT_BRANCH", "main"},
                                                {"CI_COMMIT_SHA", pr.head}}));
  CHECK(doc["scope"]["mode"] == "worktree");
}

TEST_CASE(
    "issue 16: a branch pipeline on the default branch itself is a full audit, not an "
    "empty range",
    "[e2e][scope][issue16]") {
  PrRepo pr;
  // The clone's default branch already holds the leak: before is all zeros (a web pipeline).
  pr.repo.Git({"update-ref", "refs/remotes/origin/main", pr.head});
  auto doc = pr.repo.RiskgateJson({"check"}, 1,
                                  With(Bare(), {{"GITLAB_CI", "true"},
                                                {"CI_PIPELINE_SOURCE", "web"},
                                                {"CI_COMMIT_BEFORE_SHA", std::string(40, '0')},
                                                {"CI_DEFAULT_BRANCH", "main"},
                                                {"CI_COMMIT_SHA", pr.head}}));
  CHECK(doc["scope"]["mode"] == "worktree");
}

TEST_CASE("issue 16: an unknown CI without a scope flag is an error asking for --base",
          "[e2e][scope][issue16]") {
  PrRepo pr;
  auto result = pr.repo.Riskgate({"check"}, With(Bare(), {{"CI", "true"}}));
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--base") != std::string::npos);
  // pre-commit run in that CI has an empty index: the same error, not a pass.
  auto hook = pr.repo.Riskgate({"check"}, With(Bare(), {{"CI", "true"}, {"PRE_COMMIT", "1"}}));
  CHECK(hook.exit_code == 2);
  // With the range given, it judges it.
  auto given = pr.repo.Riskgate({"check", "--base", pr.base, "--head", pr.head},
                                With(Bare(), {{"CI", "true"}}));
  CHECK(given.exit_code == 1);
}

TEST_CASE("issue 19: named files mean the staged change when staged, else their content on disk",
          "[e2e][scope]") {
  TempRepo repo;
  repo.Write("config/leak.txt", "aws_key = " + FakeAwsKeyId() + "\n");
  repo.Write("a.txt", "one\n");
  repo.Commit("committed past any hook");
  repo.Write("a.txt", "one\ntwo\n");
  repo.Git({"add", "a.txt"});
  // A commit hook names the staged files: the staged change is judged, as without names.
  auto staged = repo.Riskgate({"check", "a.txt"}, Bare());
  INFO(staged.out << staged.err);
  CHECK(staged.exit_code == 0);
  CHECK(staged.out.find("staged changes against HEAD") != std::string::npos);
  // A file beyond the staged change is judged as it is on disk, every line, and the staged
  // change (a.txt) with it.
  auto named = repo.Riskgate({"check", "config/leak.txt"}, Bare());
  INFO(named.out << named.err);
  CHECK(named.exit_code == 1);
  CHECK(named.out.find("BLOCK config/leak.txt:1") != std::string::npos);
  CHECK(named.out.find("the named files as they are in the working tree (2 tracked files)") !=
        std::string::npos);
  auto json = repo.RiskgateJson({"check", "config/leak.txt"}, 1, Bare());
  CHECK(json["scope"]["mode"] == "worktree");
  CHECK(json["scope"]["named_files"] == 2);
  CHECK_FALSE(
      repo.RiskgateJson({"check", "--worktree"}, 1, Bare())["scope"].contains("named_files"));
  // Relative to the folder it runs in, as a shell names them.
  auto below =
      Run({RiskgateBinary(), "check", "leak.txt", "../a.txt"}, repo.path() + "/config", Bare());
  INFO(below.out << below.err);
  CHECK(below.exit_code == 1);
  CHECK(below.out.find("BLOCK config/leak.txt:1") != std::string::npos);
  CHECK(below.out.find("(2 tracked files)") != std::string::npos);
  // --worktree with names: those files only.
  auto narrowed = repo.Riskgate({"check", "--worktree", "a.txt"}, Bare());
  CHECK(narrowed.exit_code == 0);
  // A name outside the repository, or with a scope that names files itself, is a usage error.
  auto outside = repo.Riskgate({"check", "../elsewhere.txt"}, Bare());
  CHECK(outside.exit_code == 2);
  CHECK(outside.err.find("is not a file of the repository") != std::string::npos);
  // A name git does not track would be judged as nothing: refused, with a hint for an option
  // that came after `--`.
  auto untracked = repo.Riskgate({"check", "--", "nothing-here.txt"}, Bare());
  CHECK(untracked.exit_code == 2);
  CHECK(untracked.err.find("'nothing-here.txt' is not tracked") != std::string::npos);
  auto option = repo.Riskgate({"check", "--", "--format"}, Bare());
  CHECK(option.exit_code == 2);
  CHECK(option.err.find("Options go before it") != std::string::npos);
  CHECK(repo.Riskgate({"check", "--staged", "a.txt"}, Bare()).exit_code == 2);
  CHECK(repo.Riskgate({"check", "--base", "HEAD", "a.txt"}, Bare()).exit_code == 2);
}

}  // namespace riskgate::testing
