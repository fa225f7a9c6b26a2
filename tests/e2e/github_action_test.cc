// End to end: the GitHub Action's gate step (action/run.sh), run locally with the variables and
// files a GitHub runner provides, produces the SARIF file, annotations, summary and outputs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Runner {
  TempRepo repo;
  TempDir runner_temp;
  std::string base;
  std::string head;
  std::string output_file;
  std::string summary_file;

  explicit Runner(const std::string& leak_line) {
    repo.Write("README.md", "x\n");
    base = repo.Commit("base");
    repo.Write("deploy.sh", "#!/bin/sh\n" + leak_line + "\n");
    head = repo.Commit("change");
    output_file = runner_temp.path() + "/github_output";
    summary_file = runner_temp.path() + "/step_summary";
    std::ofstream(summary_file) << "# earlier step\n";
  }

  ProcessResult RunAction(const std::map<std::string, std::string>& extra = {}) {
    const std::string event = runner_temp.path() + "/event.json";
    std::ofstream(event) << R"({"pull_request": {"number": 3, "base": {"sha": ")" << base
                         << R"("}, "head": {"sha": ")" << head << R"("}}})";
    std::map<std::string, std::string> env = {{"GITHUB_ACTIONS", "true"},
                                              {"GITHUB_EVENT_NAME", "pull_request"},
                                              {"GITHUB_EVENT_PATH", event},
                                              {"GITHUB_OUTPUT", output_file},
                                              {"GITHUB_STEP_SUMMARY", summary_file},
                                              {"RUNNER_TEMP", runner_temp.path()},
                                              {"RISKGATE_BIN", RiskgateBinary()},
                                              {"RISKGATE_SARIF", "riskgate.sarif"},
                                              {"GIT_DIR", ""},
                                              {"GIT_INDEX_FILE", ""},
                                              {"GITLAB_CI", ""},
                                              {"PRE_COMMIT", ""}};
    for (const auto& [k, v] : extra) env[k] = v;
    return Run({SourceDir() + "/action/run.sh"}, repo.path(), env);
  }
};

}  // namespace

TEST_CASE("the action's gate step writes SARIF, annotations, summary and outputs on a block",
          "[e2e][action]") {
  Runner runner("export GITHUB_TOKEN=" + FakeGithubToken());
  auto result = runner.RunAction();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("::error file=deploy.sh,line=2") != std::string::npos);
  const std::string outputs = ReadAll(runner.output_file);
  CHECK(outputs.find("decision=block\n") != std::string::npos);
  CHECK(outputs.find("blocking=1\n") != std::string::npos);
  CHECK(outputs.find("warnings=0\n") != std::string::npos);
  const std::string summary = ReadAll(runner.summary_file);
  CHECK(summary.find("# earlier step\n") == 0);  // appended, not replaced
  CHECK(summary.find("deploy.sh") != std::string::npos);
  auto sarif = nlohmann::json::parse(ReadAll(runner.repo.path() + "/riskgate.sarif"));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["runs"][0]["results"].size() == 1);
  for (const std::string& text : {result.out, result.err, outputs, summary,
                                  ReadAll(runner.repo.path() + "/riskgate.sarif")}) {
    CHECK(text.find(FakeGithubToken()) == std::string::npos);
  }
}

TEST_CASE("the action can report a block without failing the step", "[e2e][action]") {
  Runner runner("export GITHUB_TOKEN=" + FakeGithubToken());
  auto result = runner.RunAction({{"RISKGATE_FAIL_ON_BLOCK", "false"}});
  CHECK(result.exit_code == 0);
  CHECK(ReadAll(runner.output_file).find("decision=block") != std::string::npos);
}

TEST_CASE("the action passes a clean pull request", "[e2e][action]") {
  Runner runner("echo deploying");
  auto result = runner.RunAction();
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(ReadAll(runner.output_file).find("decision=pass\n") != std::string::npos);
}

TEST_CASE("the action fails closed when riskgate errors", "[e2e][action]") {
  Runner runner("echo deploying");
  auto result = runner.RunAction({{"RISKGATE_ARGS", "--policy no-such-policy.yaml"}});
  CHECK(result.exit_code == 2);
  CHECK(result.out.find("::error title=riskgate failed::") != std::string::npos);
  CHECK(ReadAll(runner.output_file).find("decision=error") != std::string::npos);
}

}  // namespace riskgate::testing
