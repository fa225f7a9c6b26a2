// Issue 7, end to end: with no forge (a laptop, pre-commit, a plain git server) approvals come
// from Approved-by / Reviewed-by trailers of the range's commits, CODEOWNERS comes from the
// base, and a dry run of staged changes says which approvals the commit will need from whom.
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

const std::string kPolicy = R"(version: 1
controls:
  reviews:
    source: trailers
    min_approvals: 1
    teams:
      '@org/security': [alice@example.com, '@sam']
)";

std::map<std::string, std::string> Local() {
  return {{"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}, {"PRE_COMMIT", ""}, {"GIT_INDEX_FILE", ""}};
}

struct LocalBranch {
  TempRepo repo;
  std::string base;
  LocalBranch() {
    repo.Write(".riskgate.yaml", kPolicy);
    repo.Write("CODEOWNERS", "src/auth/ @org/security\n*.md bob@example.com\n");
    repo.Write("README.md", "app\n");
    base = repo.Commit("base");
    repo.Write("src/auth/login.cc", "int login();\n");
  }
  std::vector<json> Findings(const std::string& message, int expected_exit) {
    repo.Git({"add", "-A"});
    repo.Git({"commit", "-q", "-m", message});
    const json doc = repo.RiskgateJson({"check", "--base", base}, expected_exit, Local());
    std::vector<json> out;
    for (const auto& f : doc["findings"]) {
      if (f["control"] == "reviews") out.push_back(f);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("an Approved-by trailer from a team member satisfies the owners", "[e2e][reviews]") {
  LocalBranch branch;
  CHECK(branch.Findings("login\n\nApproved-by: Alice Smith <alice@example.com>\n", 0).empty());
}

TEST_CASE("a Reviewed-by @handle trailer counts like an approval", "[e2e][reviews]") {
  LocalBranch branch;
  CHECK(branch.Findings("login\n\nReviewed-by: @sam\n", 0).empty());
}

TEST_CASE("without a trailer the range needs the owners' approval", "[e2e][reviews]") {
  LocalBranch branch;
  const auto findings = branch.Findings("login", 1);
  REQUIRE(findings.size() == 2);
  std::set<std::string> rules;
  for (const auto& f : findings) rules.insert(f["rule"].get<std::string>());
  CHECK(rules == std::set<std::string>{"approvals-missing", "code-owner-approval-missing"});
  for (const auto& f : findings) {
    if (f["rule"] != "code-owner-approval-missing") continue;
    CHECK_THAT(f["message"].get<std::string>(),
               Catch::Contains("src/auth/login.cc needs 1 approval from @org/security "
                               "(CODEOWNERS line 1)"));
    CHECK_THAT(f["remediation"][0]["summary"].get<std::string>(),
               Catch::Contains("--trailer \"Approved-by: Name <email>\""));
  }
}

TEST_CASE("an author approving their own commit does not count", "[e2e][reviews]") {
  LocalBranch branch;
  // TempRepo commits as its fixed identity; approving as that same identity is self-approval.
  const std::string me = branch.repo.Git({"config", "user.email"});
  const auto findings =
      branch.Findings("login\n\nApproved-by: Me <" + me.substr(0, me.find('\n')) + ">\n", 1);
  REQUIRE(!findings.empty());
  CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains("the change's author"));
}

TEST_CASE("an approval on an older commit of the range is stale", "[e2e][reviews]") {
  LocalBranch branch;
  branch.repo.Git({"add", "-A"});
  branch.repo.Git({"commit", "-q", "-m", "login\n\nApproved-by: Alice <alice@example.com>"});
  branch.repo.Write("src/auth/login.cc", "int login(int);\n");
  const auto findings = branch.Findings("after the review", 1);
  REQUIRE(!findings.empty());
  CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains("not the head"));
}

TEST_CASE("a dry run of staged changes explains which approvals the commit will need",
          "[e2e][reviews]") {
  LocalBranch branch;
  branch.repo.Git({"add", "-A"});
  const auto result = branch.repo.Riskgate({"check", "--staged", "--dry-run"}, Local());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out,
             Catch::Contains("src/auth/login.cc will need 1 approval from @org/security"));
  CHECK_THAT(result.out, Catch::Contains("this change will need 1 approval"));
  // The remedy of a change not yet committed cannot be amending the last commit (another one).
  CHECK(result.out.find("--amend") == std::string::npos);
  CHECK_THAT(result.out, Catch::Contains("once the change is pushed, ask @org/security"));
  // Without --dry-run a pre-commit run does not judge approvals it cannot have yet.
  const auto hook = branch.repo.Riskgate({"check", "--staged"}, Local());
  CHECK(hook.exit_code == 0);
  CHECK(hook.out.find("will need") == std::string::npos);
}

TEST_CASE("with source auto a local range explains what it needs and CI judges the trailers",
          "[e2e][reviews]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  reviews: {min_approvals: 1}\n");
  repo.Write("CODEOWNERS", "src/ @org/core\n");
  const std::string base = repo.Commit("base");
  repo.Write("src/a.cc", "int a;\n");
  repo.Commit("work");
  // A laptop or a pre-push hook: approvals come after the push, so nothing blocks.
  auto env = Local();
  env["CI"] = "";
  const auto local = repo.Riskgate({"check", "--base", base}, env);
  CHECK(local.exit_code == 0);
  CHECK_THAT(local.out, Catch::Contains("src/a.cc will need 1 approval from @org/core"));
  // A CI system riskgate has no forge API for: the trailers decide.
  env["CI"] = "true";
  const auto ci = repo.Riskgate({"check", "--base", base}, env);
  CHECK(ci.exit_code == 1);
  CHECK_THAT(ci.out, Catch::Contains("src/a.cc needs 1 approval from @org/core"));
}

}  // namespace riskgate::testing
