#include "support/temp_repo.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace riskgate::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "riskgate-test.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

const std::map<std::string, std::string>& GitEnv() {
  static const std::map<std::string, std::string> env = {
      {"GIT_AUTHOR_NAME", "Test Author"},
      {"GIT_AUTHOR_EMAIL", "author@example.com"},
      {"GIT_COMMITTER_NAME", "Test Committer"},
      {"GIT_COMMITTER_EMAIL", "committer@example.com"},
      {"GIT_CONFIG_NOSYSTEM", "1"},
      {"GIT_DIR", ""},
      {"GIT_INDEX_FILE", ""},
      {"GIT_WORK_TREE", ""},
  };
  return env;
}

TempRepo::TempRepo() {
  Git({"init", "-q", "-b", "main"});
  Git({"config", "user.name", "Test Author"});
  Git({"config", "user.email", "author@example.com"});
  Git({"config", "commit.gpgsign", "false"});
}

void TempRepo::Write(const std::string& relative, const std::string& content) {
  const auto full = std::filesystem::path(path()) / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << content;
}

void TempRepo::Remove(const std::string& relative) {
  std::filesystem::remove(std::filesystem::path(path()) / relative);
}

std::string TempRepo::Git(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = Run(argv, path(), GitEnv());
  INFO("git " << args.front() << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

std::string TempRepo::Commit(const std::string& message) {
  Git({"add", "-A"});
  Git({"commit", "-q", "--allow-empty", "-m", message});
  return Head();
}

std::string TempRepo::CommitAt(const std::string& message, const std::string& date) {
  Git({"add", "-A"});
  auto env = GitEnv();
  env["GIT_AUTHOR_DATE"] = date;
  env["GIT_COMMITTER_DATE"] = date;
  auto result = Run({"git", "commit", "-q", "--allow-empty", "-m", message}, path(), env);
  INFO("git commit: " << result.err);
  REQUIRE(result.exit_code == 0);
  return Head();
}

std::string TempRepo::Head() {
  std::string out = Git({"rev-parse", "HEAD"});
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string CommitCheckoutWorkflow(TempRepo& repo) {
  const std::string workflow =
      "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n"
      "      - uses: actions/checkout@v4\n";
  repo.Write(".github/workflows/ci.yml", workflow);
  repo.Commit("ci");
  return workflow;
}

void NotUnderCi(std::map<std::string, std::string>& env) {
  for (const char* name :
       {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TF_BUILD", "BUILDKITE", "CIRCLECI",
        "TRAVIS", "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID", "DRONE"}) {
    env[name] = "";  // collect::UnderCi's variables
  }
}

ProcessResult TempRepo::Riskgate(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {RiskgateBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto merged = GitEnv();
  // A run is under a CI only when the test says so (issue #16: CI decides the scope and whether
  // a policy change blocks).
  NotUnderCi(merged);
  for (const auto& [k, v] : env) merged[k] = v;
  return Run(argv, path(), merged);
}

nlohmann::json TempRepo::RiskgateJson(const std::vector<std::string>& args, int expected_exit,
                                      const std::map<std::string, std::string>& env) {
  auto with_format = args;
  with_format.push_back("--format");
  with_format.push_back("json");
  auto result = Riskgate(with_format, env);
  INFO("stderr: " << result.err);
  INFO("stdout: " << result.out);
  REQUIRE(result.exit_code == expected_exit);
  return nlohmann::json::parse(result.out);
}

std::string FakeAwsKeyId() { return std::string("AKIA") + "QX7ZK2TBM4NWY6RE"; }

std::string FakeGithubToken() {
  return std::string("ghp_") + "R8fK2mQ9xL4vT7wZ1bN6cH3jP5sD0g3PgBH7";
}

std::string FakeGitlabToken() { return std::string("glpat-") + "Qx7vLm2Rk9TzW4bN8cHd"; }

}  // namespace riskgate::testing
