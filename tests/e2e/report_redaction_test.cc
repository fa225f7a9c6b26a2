// Issue 16, end to end: findings quote commands, URLs and paths from the change; a credential in
// them (URL userinfo, auth headers, token parameters, known token shapes) is masked in every
// output format, in the waiver register, in policy diagnostics and in merged reports.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

// Credentials that no secret rule knows by shape: only the structure around them says what
// they are.
std::string Password() { return std::string("hunter2") + "Qz9wplain"; }
std::string HeaderValue() { return std::string("hdr") + "Value7Qz9wplain"; }
std::string QueryValue() { return std::string("qry") + "Value7Qz9wplain"; }

std::vector<std::string> Secrets() {
  return {FakeGithubToken(), FakeGitlabToken(), Password(), HeaderValue(), QueryValue()};
}

void CheckNoSecret(const std::string& where, const std::string& text) {
  for (const auto& secret : Secrets()) {
    INFO(where << " holds " << secret.substr(0, 4) << "...: " << text.substr(0, 3000));
    CHECK(text.find(secret) == std::string::npos);
  }
}

void WriteLeakyPipelines(TempRepo& repo) {
  repo.Write(".github/workflows/ci.yml",
             "name: ci\n"
             "on: [push]\n"
             "permissions: {}\n"
             "jobs:\n"
             "  build:\n"
             "    runs-on: ubuntu-latest\n"
             "    steps:\n"
             "      - run: npm install git+https://" +
                 FakeGithubToken() +
                 "@github.com/o/r.git\n"
                 "      - run: pip install https://deploy:" +
                 Password() +
                 "@pypi.example/p.tar.gz\n"
                 "      - run: curl -sSL -H \"Authorization: Bearer " +
                 HeaderValue() +
                 "\" https://get.example/install.sh | sh\n"
                 "      - run: curl -sSL https://get.example/i.sh?access_token=" +
                 QueryValue() + " | bash\n");
  repo.Write(".gitlab-ci.yml", "include:\n  - remote: 'https://oauth2:" + FakeGitlabToken() +
                                   "@gitlab.example/ci/base.yml'\n"
                                   "build:\n  script:\n    - curl -H 'PRIVATE-TOKEN: " +
                                   HeaderValue() + "' https://get.example/x.sh | sh\n");
}

std::map<std::string, std::string> NoCi() {
  return {{"GITHUB_ACTIONS", ""},
          {"GITLAB_CI", ""},
          {"CI", ""},
          {"GITHUB_TOKEN", ""},
          {"RISKGATE_GITHUB_TOKEN", ""},
          {"PRE_COMMIT", ""},
          {"GIT_INDEX_FILE", ""}};
}

}  // namespace

TEST_CASE("credentials quoted by pins findings are masked in all seven formats",
          "[e2e][report][leaks]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  WriteLeakyPipelines(repo);
  repo.Git({"add", "-A"});
  const json doc = repo.RiskgateJson({"check", "--staged"}, 1, NoCi());
  int pins = 0;
  for (const auto& f : doc["findings"]) pins += f["control"] == "pins" ? 1 : 0;
  CHECK(pins > 0);
  CheckNoSecret("json", doc.dump());
  for (const std::string format :
       {"text", "json", "sarif", "junit", "github", "gitlab", "markdown"}) {
    const auto result = repo.Riskgate({"check", "--staged", "--format", format}, NoCi());
    CHECK(result.exit_code == 1);
    CheckNoSecret(format, result.out + result.err);
  }
}

TEST_CASE("a credential in a path name, a commit subject or a policy value is masked",
          "[e2e][report][leaks]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  const std::string base = repo.Head();
  repo.Write("deploy/" + FakeGithubToken() + "/notes.txt",
             "AWS_ACCESS_KEY_ID=" + FakeAwsKeyId() + "\n");
  repo.Commit("rotate " + FakeGitlabToken());
  for (const std::string format :
       {"text", "json", "sarif", "junit", "github", "gitlab", "markdown"}) {
    const auto result =
        repo.Riskgate({"check", "--base", base, "--head", "HEAD", "--format", format}, NoCi());
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CheckNoSecret(format, result.out + result.err);
  }
  // A policy whose bad values are quoted back: the diagnostic masks the credential in them.
  repo.Write(".riskgate.yaml",
             "version: 1\ndecisions: {critical: '" + FakeGithubToken() +
                 "'}\ncontrols: {reviews: {source: 'x?access_token=" + QueryValue() + "'}}\n");
  const auto bad = repo.Riskgate({"check", "--worktree"}, NoCi());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("unknown decision 'ghp_"));
  CheckNoSecret("diagnostic", bad.out + bad.err);
}

TEST_CASE("merge prints no credential a report file carries", "[e2e][report][leaks]") {
  TempRepo repo;
  repo.Write("config/app.env", "GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  repo.Commit("leak");
  const auto audit = repo.Riskgate({"history", "--shard", "1/1", "--format", "json"}, NoCi());
  REQUIRE(audit.exit_code == 1);
  // A report whose fields hold raw credentials, as a tampered shard would.
  json doc = json::parse(audit.out);
  REQUIRE_FALSE(doc["findings"].empty());
  for (auto& f : doc["findings"]) {
    f["message"] = "see https://x:" + Password() + "@h/ and " + FakeGithubToken();
  }
  { std::ofstream(repo.path() + "/shard.json") << doc.dump(); }
  for (const std::string format : {"text", "json", "markdown", "sarif"}) {
    const auto merged = repo.Riskgate({"merge", "shard.json", "--format", format}, NoCi());
    INFO(merged.err);
    CHECK((merged.exit_code == 0 || merged.exit_code == 1));
    CheckNoSecret("merge " + format, merged.out + merged.err);
  }
}

}  // namespace riskgate::testing
