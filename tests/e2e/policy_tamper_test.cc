// End to end, issue 6: a change cannot weaken the policy that judges it. In range mode the base
// revision's policy, rule packs, waivers and baseline apply; editing them is itself a finding.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const nlohmann::json* Find(const nlohmann::json& doc, const std::string& rule,
                           const std::string& path = "") {
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == rule && (path.empty() || f["path"] == path)) return &f;
  }
  return nullptr;
}

std::string Base(TempRepo& repo) {
  repo.Write(".riskgate.yaml",
             "version: 1\nwaivers:\n  approvers: {critical: [carol], high: [carol]}\n");
  repo.Write("README.md", "hello\n");
  return repo.Commit("policy");
}

}  // namespace

TEST_CASE("a change that disables the secrets control is still judged by the base policy",
          "[e2e][tamper]") {
  TempRepo repo;
  const std::string base = Base(repo);
  repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets: {enabled: false}\n");
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("turn the gate off and add a token");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(Find(doc, "github-pat-classic") != nullptr);
  CHECK((*Find(doc, "github-pat-classic"))["decision"] == "block");
  const auto* changed = Find(doc, "policy-file-changed", ".riskgate.yaml");
  REQUIRE(changed != nullptr);
  CHECK((*changed)["control"] == "policy");
  CHECK((*changed)["message"].get<std::string>().find("approved by carol") != std::string::npos);
  CHECK(doc["policy"]["revision"] == "base " + base.substr(0, 12));
  // Outside range mode (a laptop audit) the working tree's policy applies.
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 0);
  CHECK(audit["policy"]["revision"].is_null());
}

TEST_CASE("a change that deletes a rule from a rule pack is judged with the rule",
          "[e2e][tamper]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\ncontrols:\n  secrets:\n    rule_packs: [builtin:default, team.yaml]\n");
  repo.Write("team.yaml",
             "pack: team\nrules:\n  - id: team-token\n    description: Team token\n"
             "    severity: high\n    regex: 'tt_[a-z0-9]{20}'\n    keywords: [tt_]\n");
  const std::string base = repo.Commit("team pack");
  repo.Write("team.yaml", "pack: team\nrules: []\n");
  repo.Write("app.cfg", "key = tt_abcdefghij0123456789\n");
  repo.Commit("drop the rule, add a token");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  CHECK(Find(doc, "team-token") != nullptr);
  CHECK(Find(doc, "policy-file-changed", "team.yaml") != nullptr);
}

TEST_CASE("a change that waives its own finding still blocks", "[e2e][tamper]") {
  TempRepo repo;
  const std::string base = Base(repo);
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  const std::string fingerprint =
      repo.RiskgateJson({"check", "--staged"}, 1)["findings"][0]["fingerprint"];
  repo.Write(".riskgate/waivers.yaml",
             "version: 1\nwaivers:\n  - id: self-serve\n    fingerprint: " + fingerprint +
                 "\n    reason: trust me\n    owner: mallory\n    approver: carol\n"
                 "    created: 2026-11-20\n    expires: 2026-12-01\n");
  repo.Commit("token with a waiver");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1, {{"RISKGATE_NOW", "2026-11-27"}});
  const auto* secret = Find(doc, "github-pat-classic");
  REQUIRE(secret != nullptr);
  CHECK((*secret)["decision"] == "block");
  CHECK((*secret)["waiver"].is_null());
  const auto* added = Find(doc, "waiver-changed");
  REQUIRE(added != nullptr);
  CHECK((*added)["line"] == 3);
  CHECK((*added)["message"].get<std::string>().find("adds waiver 'self-serve'") !=
        std::string::npos);
  CHECK(Find(doc, "policy-file-changed", ".riskgate/waivers.yaml") != nullptr);
  // Once merged, the waiver is part of the policy in force: an audit sees the finding waived.
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 0, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK((*Find(audit, "github-pat-classic"))["waiver"]["id"] == "self-serve");
}

TEST_CASE("a change that adds its finding to the baseline still blocks", "[e2e][tamper]") {
  TempRepo repo;
  const std::string base = Base(repo);
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  const std::string fingerprint =
      repo.RiskgateJson({"check", "--staged"}, 1)["findings"][0]["fingerprint"];
  repo.Write(".riskgate/baseline.json",
             "{\"version\": 1, \"findings\": [{\"fingerprint\": \"" + fingerprint + "\"}]}\n");
  repo.Commit("token, baselined");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  CHECK((*Find(doc, "github-pat-classic"))["baselined"] == false);
  CHECK(Find(doc, "policy-file-changed", ".riskgate/baseline.json") != nullptr);
  // In the working tree (a pre-commit or laptop run), the baseline applies.
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 0);
  CHECK((*Find(audit, "github-pat-classic"))["baselined"] == true);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("an Approved-by trailer from the approver records approval of an added waiver",
          "[e2e][tamper]") {
  TempRepo repo;
  // Trailers are approvals where the base policy says so (elsewhere the author wrote them).
  repo.Write(".riskgate.yaml",
             "version: 1\nwaivers:\n  approvers: {high: [carol]}\n"
             "controls:\n  reviews: {enabled: false, source: trailers}\n");
  const std::string base = repo.Commit("policy");
  repo.Write(".riskgate/waivers.yaml",
             "version: 1\nwaivers:\n  - id: W-7\n    rule: some-rule\n    reason: r\n"
             "    owner: alice\n    approver: carol\n    created: 2026-11-20\n"
             "    expires: 2026-12-01\n");
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "-m",
            "Accept the risk of some-rule\n\nApproved-by: Carol Example <carol@example.com>"});
  auto doc = repo.RiskgateJson({"check", "--base", base}, 0);
  const nlohmann::json* changed = nullptr;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "waiver-changed") changed = &f;
  }
  REQUIRE(changed != nullptr);
  CHECK((*changed)["severity"] == "info");
  CHECK((*changed)["decision"] == "pass");
  CHECK((*changed)["message"].get<std::string>().find("carol approved it (Approved-by: trailer") !=
        std::string::npos);
  // Someone else's trailer does not count.
  repo.Git({"commit", "-q", "--amend", "-m", "Accept\n\nApproved-by: Mallory <m@example.com>"});
  auto unapproved = repo.RiskgateJson({"check", "--base", base}, 0);
  bool must_approve = false;
  for (const auto& f : unapproved["findings"]) {
    if (f["rule"] == "waiver-changed") {
      must_approve =
          f["message"].get<std::string>().find("carol must approve it") != std::string::npos;
      CHECK(f["decision"] == "warn");
    }
  }
  CHECK(must_approve);
}

TEST_CASE("issue 16: --policy through a symlinked workspace is read from the base",
          "[e2e][tamper][issue16]") {
  TempRepo repo;
  const std::string base = Base(repo);
  repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets: {enabled: false}\n");
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("turn the gate off and add a token");
  // The CI's workspace is a symlink to the checkout, and --policy names the file through it.
  TempDir outside;
  const std::string workspace = outside.path() + "/workspace";
  std::filesystem::create_directory_symlink(repo.path(), workspace);
  for (const std::string& policy :
       {workspace + "/.riskgate.yaml", workspace + "/./sub/../.riskgate.yaml",
        outside.path() + "/../" + std::filesystem::path(outside.path()).filename().string() +
            "/workspace/.riskgate.yaml"}) {
    auto doc = repo.RiskgateJson({"check", "--base", base, "--policy", policy}, 1);
    CHECK(Find(doc, "github-pat-classic") != nullptr);
    CHECK(Find(doc, "policy-file-changed", ".riskgate.yaml") != nullptr);
    CHECK(doc["policy"]["revision"] == "base " + base.substr(0, 12));
  }
}

TEST_CASE("issue 16: a policy that is a symlink in the base tree is followed in the base tree",
          "[e2e][tamper][issue16]") {
  TempRepo repo;
  repo.Write("policies/strict.yaml", "version: 1\n");
  std::filesystem::create_symlink("policies/strict.yaml", repo.path() + "/.riskgate.yaml");
  const std::string base = repo.Commit("policy through a link");
  // The change weakens the file the link points to, and adds a token.
  repo.Write("policies/strict.yaml", "version: 1\ncontrols:\n  secrets: {enabled: false}\n");
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("weaken the target");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  CHECK(Find(doc, "github-pat-classic") != nullptr);
  CHECK(Find(doc, "policy-file-changed", "policies/strict.yaml") != nullptr);
}

TEST_CASE("issue 16: a change that turns the policy into a symlink is judged by the base file",
          "[e2e][tamper][issue16]") {
  TempRepo repo;
  const std::string base = Base(repo);
  repo.Write("weak.yaml", "version: 1\ncontrols:\n  secrets: {enabled: false}\n");
  repo.Remove(".riskgate.yaml");
  std::filesystem::create_symlink("weak.yaml", repo.path() + "/.riskgate.yaml");
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("policy becomes a link to a weak one");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  CHECK(Find(doc, "github-pat-classic") != nullptr);
  CHECK(Find(doc, "policy-file-changed", ".riskgate.yaml") != nullptr);
}

TEST_CASE(
    "issue 16: in CI a change that turns a control off blocks until the policy owners approve",
    "[e2e][tamper][issue16]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\npolicy:\n  owners: ['@lead']\n");
  const std::string base = repo.Commit("policy with owners");
  repo.Write(".riskgate.yaml",
             "version: 1\npolicy:\n  owners: ['@lead']\ncontrols:\n  secrets: {enabled: false}\n");
  repo.Git({"commit", "-qam", "quiet the gate", "-m", "Approved-by: @lead"});
  const std::map<std::string, std::string> ci = {
      {"CI", "true"}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}};
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1, ci);
  const auto* changed = Find(doc, "policy-file-changed", ".riskgate.yaml");
  REQUIRE(changed != nullptr);
  CHECK((*changed)["severity"] == "high");
  CHECK((*changed)["decision"] == "block");
  // The trailer is the author's own word, not an approval.
  CHECK((*changed)["message"].get<std::string>().find("blocks until approved by @lead") !=
        std::string::npos);
  CHECK((*changed)["message"].get<std::string>().find("trailers") != std::string::npos);
  // On a laptop: a warning saying whose approval CI will need.
  auto local = repo.RiskgateJson({"check", "--base", base}, 0,
                                 {{"CI", ""}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}});
  const auto* foretold = Find(local, "policy-file-changed", ".riskgate.yaml");
  REQUIRE(foretold != nullptr);
  CHECK((*foretold)["severity"] == "low");
  CHECK((*foretold)["message"].get<std::string>().find("@lead") != std::string::npos);
}

TEST_CASE("issue 16: trailers approve a policy change only when the base policy chose them",
          "[e2e][tamper][issue16]") {
  TempRepo repo;
  const std::string policy =
      "version: 1\npolicy:\n  owners: ['@lead']\ncontrols:\n  reviews:\n    source: trailers\n"
      "    code_owners: false\n";
  repo.Write(".riskgate.yaml", policy);
  const std::string base = repo.Commit("policy with owners and trailers");
  repo.Write(".riskgate.yaml", policy + "decisions: {medium: pass}\n");
  repo.Git({"commit", "-qam", "relax medium", "-m", "Approved-by: @lead"});
  auto doc = repo.RiskgateJson({"check", "--base", base}, 0,
                               {{"CI", "true"}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}});
  const auto* changed = Find(doc, "policy-file-changed", ".riskgate.yaml");
  REQUIRE(changed != nullptr);
  CHECK((*changed)["severity"] == "info");
}

TEST_CASE("issue 16: policy.owners must be handles or emails", "[e2e][tamper][issue16]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\npolicy:\n  owners: [lead]\n");
  auto result = repo.Riskgate({"policy", "validate"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("policy.owners[0]") != std::string::npos);
}

TEST_CASE("issue 16: a change to CODEOWNERS needs the policy owners like a policy file",
          "[e2e][tamper][issue16]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\npolicy:\n  owners: ['@lead']\n");
  repo.Write(".github/CODEOWNERS", "* @lead\n");
  const std::string base = repo.Commit("owners");
  repo.Write(".github/CODEOWNERS", "* @me\n");
  repo.Commit("own everything myself");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1,
                               {{"CI", "true"}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}});
  const auto* changed = Find(doc, "policy-file-changed", ".github/CODEOWNERS");
  REQUIRE(changed != nullptr);
  CHECK((*changed)["decision"] == "block");
}

}  // namespace riskgate::testing
