// The two pipelines called in-process, as a tool embedding riskgate would: run::JudgeChange on a
// range, a staged change and a pull request whose approvals come from a real loopback forge, and
// run::AuditHistory with and without shards. Each builds a real repository with the git CLI.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "run/audit_history.h"
#include "run/judge_change.h"
#include "scenario/scoped_env.h"
#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate {
namespace {

using testing::FakeAwsKeyId;
using testing::ScopedEnv;
using testing::TempRepo;

const std::vector<const core::JudgedFinding*> ByRule(const decide::Verdict& verdict,
                                                     const std::string& rule) {
  std::vector<const core::JudgedFinding*> out;
  for (const auto& f : verdict.findings) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

std::string AwsLine() { return "aws_access_key_id = " + FakeAwsKeyId() + "\n"; }

TEST_CASE(
    "run::JudgeChange blocks a key added in a range, names its commit, and every format "
    "prints it redacted",
    "[scenario][pipeline]") {
  const ScopedEnv env(testing::NoCiEnvironment());
  TempRepo repo;
  repo.Write("README.md", "app\n");
  const std::string base = repo.Commit("base");
  repo.Write("config/prod.ini", AwsLine());
  const std::string commit = repo.Commit("add config");

  run::JudgeRequest request;
  request.repo = repo.path();
  request.base = base;
  auto judged = run::JudgeChange(request);
  REQUIRE(judged);
  CHECK(judged->verdict.decision == core::Decision::kBlock);
  CHECK(judged->facts.scope.mode == core::ScanMode::kRange);
  const auto keys = ByRule(judged->verdict, "aws-access-key-id");
  REQUIRE(keys.size() == 1);
  CHECK(keys.front()->location.path == "config/prod.ini");
  CHECK(keys.front()->location.commit == commit);
  for (const auto format :
       {report::Format::kText, report::Format::kJson, report::Format::kSarif,
        report::Format::kJunit, report::Format::kGitlab, report::Format::kMarkdown}) {
    const report::ReportInput input{judged->verdict, judged->facts.scope,
                                    judged->inputs.policy.source};
    const std::string out = report::Render(format, input, {});
    CHECK(out.find("config/prod.ini") != std::string::npos);
    CHECK(out.find(FakeAwsKeyId()) == std::string::npos);
  }
}

TEST_CASE("run::JudgeChange takes the policy from the base of a range, not from the change",
          "[scenario][pipeline]") {
  const ScopedEnv env(testing::NoCiEnvironment());
  TempRepo repo;
  repo.Write("README.md", "app\n");
  const std::string base = repo.Commit("base");
  // The change turns the secrets control off for itself and adds a key.
  repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets:\n    enabled: false\n");
  repo.Write("app.env", AwsLine());
  repo.Commit("quietly");
  run::JudgeRequest request;
  request.repo = repo.path();
  request.base = base;
  auto judged = run::JudgeChange(request);
  REQUIRE(judged);
  CHECK(ByRule(judged->verdict, "aws-access-key-id").size() == 1);
  CHECK(ByRule(judged->verdict, "policy-file-changed").size() == 1);
  CHECK(judged->verdict.decision == core::Decision::kBlock);
}

TEST_CASE("run::JudgeChange with a request that names two scopes is a usage error",
          "[scenario][pipeline]") {
  const ScopedEnv env(testing::NoCiEnvironment());
  TempRepo repo;
  repo.Write("README.md", "app\n");
  repo.Commit("base");
  run::JudgeRequest request;
  request.repo = repo.path();
  request.staged = true;
  request.worktree = true;
  auto judged = run::JudgeChange(request);
  REQUIRE_FALSE(judged);
  CHECK(judged.error().code == core::ErrorCode::kUsage);
}

TEST_CASE(
    "run::AuditHistory finds a key removed long ago at the commit that added it, and two "
    "shards find what one audit finds",
    "[scenario][pipeline]") {
  const ScopedEnv env(testing::NoCiEnvironment());
  TempRepo repo;
  repo.Write("README.md", "app\n");
  repo.Commit("base");
  repo.Write("deploy.sh", "export " + AwsLine());
  const std::string added = repo.Commit("deploy script");
  repo.Remove("deploy.sh");
  repo.Commit("remove it");
  for (int i = 0; i < 6; ++i) {
    repo.Write("notes/" + std::to_string(i) + ".txt", "note " + std::to_string(i) + "\n");
    repo.Commit("note " + std::to_string(i));
  }

  run::HistoryRequest request;
  request.repo = repo.path();
  evaluate::history::AuditProgress progress;
  auto audit = run::AuditHistory(request, progress);
  REQUIRE(audit);
  CHECK(audit->scope.mode == core::ScanMode::kHistory);
  CHECK(audit->scope.commits == 9);
  CHECK(audit->verdict.decision == core::Decision::kBlock);
  const auto keys = ByRule(audit->verdict, "aws-access-key-id");
  REQUIRE(keys.size() == 1);
  REQUIRE(keys.front()->history);
  CHECK_FALSE(keys.front()->history->present_at_head);
  const auto* introduced = core::Introduction(*keys.front()->history);
  REQUIRE(introduced != nullptr);
  CHECK(introduced->commit == added);
  CHECK(introduced->path == "deploy.sh");

  std::size_t sharded = 0;
  for (int k = 0; k < 2; ++k) {
    request.shard = run::Shard{k, 2};
    auto part = run::AuditHistory(request, progress);
    REQUIRE(part);
    CHECK(part->scope.history->shard == std::to_string(k + 1) + "/2");
    sharded += ByRule(part->verdict, "aws-access-key-id").size();
  }
  CHECK(sharded == 1);
}

// A GitHub pull request judged in CI: approvals come from a real HTTP server on 127.0.0.1.
struct PullRequest {
  TempRepo repo;
  testing::FixtureServer server;
  std::string base, head;

  PullRequest() {
    repo.Write(".riskgate.yaml",
               "version: 1\ncontrols:\n  reviews:\n    min_approvals: 1\n"
               "    forge: {timeout_seconds: 2, retries: 0}\n");
    repo.Write("README.md", "app\n");
    base = repo.Commit("base");
    repo.Git({"checkout", "-q", "-b", "feature"});
    repo.Write("src/main.cc", "int main() {}\n");
    head = repo.Commit("feature");
    const nlohmann::json event = {{"number", 7},
                                  {"pull_request",
                                   {{"number", 7},
                                    {"user", {{"login", "carol"}, {"type", "User"}}},
                                    {"base", {{"sha", base}, {"ref", "main"}}},
                                    {"head", {{"sha", head}, {"ref", "feature"}}}}},
                                  {"repository", {{"full_name", "octo/app"}}}};
    repo.Write(".git/event.json", event.dump());
    server.On("/repos/octo/app/collaborators/alice/permission",
              nlohmann::json{{"permission", "write"}, {"role_name", "write"}}.dump());
    server.On("/repos/octo/app/pulls/7/commits?per_page=100",
              nlohmann::json::array({{{"sha", head}, {"author", {{"login", "carol"}}}}}).dump());
  }

  std::map<std::string, std::string> Environment() const {
    auto env = testing::NoCiEnvironment();
    env["CI"] = "true";
    env["GITHUB_ACTIONS"] = "true";
    env["GITHUB_EVENT_NAME"] = "pull_request";
    env["GITHUB_EVENT_PATH"] = repo.path() + "/.git/event.json";
    env["GITHUB_REPOSITORY"] = "octo/app";
    env["GITHUB_API_URL"] = server.url();
    env["GITHUB_TOKEN"] = testing::FakeGithubToken();
    return env;
  }

  void Reviews(const nlohmann::json& reviews) {
    server.On("/repos/octo/app/pulls/7/reviews?per_page=100", reviews.dump());
  }

  core::Result<run::Judgement> Judge() {
    const ScopedEnv env(Environment());
    run::JudgeRequest request;
    request.repo = repo.path();
    return run::JudgeChange(request);
  }
};

nlohmann::json Approval(const std::string& login, const std::string& commit) {
  return {{"id", 1},
          {"user", {{"login", login}, {"id", 10}, {"type", "User"}}},
          {"state", "APPROVED"},
          {"commit_id", commit},
          {"submitted_at", "2026-11-20T10:00:00Z"}};
}

TEST_CASE("run::JudgeChange reads a pull request's approvals from the forge the CI names",
          "[scenario][pipeline][reviews]") {
  PullRequest pr;
  SECTION("no approval blocks") {
    pr.Reviews(nlohmann::json::array());
    auto judged = pr.Judge();
    REQUIRE(judged);
    CHECK(judged->facts.scope.mode == core::ScanMode::kRange);
    CHECK(ByRule(judged->verdict, "approvals-missing").size() == 1);
    CHECK(judged->verdict.decision == core::Decision::kBlock);
  }
  SECTION("an approval of the head passes") {
    pr.Reviews(nlohmann::json::array({Approval("alice", pr.head)}));
    auto judged = pr.Judge();
    REQUIRE(judged);
    CHECK(ByRule(judged->verdict, "approvals-missing").empty());
    CHECK(judged->verdict.decision == core::Decision::kPass);
  }
  SECTION("a forge that fails ends the run, never a pass") {
    pr.server.On("/repos/octo/app/pulls/7/reviews?per_page=100",
                 {testing::FixtureResponse{500, "{}", {}, 0}});
    auto judged = pr.Judge();
    CHECK_FALSE(judged);
  }
  // The token went to the loopback forge and nowhere else.
  for (const auto& request : pr.server.requests()) {
    CHECK(request.authorization.find(testing::FakeGithubToken()) != std::string::npos);
  }
}

}  // namespace
}  // namespace riskgate
