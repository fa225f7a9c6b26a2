// Test support: a real git repository in a temporary folder, built with the git CLI.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.h"

namespace riskgate::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class TempRepo {
 public:
  TempRepo();  // git init with a fixed identity and date
  const std::string& path() const { return dir_.path(); }

  void Write(const std::string& relative, const std::string& content);
  void Remove(const std::string& relative);
  // Runs git with the given arguments in the repository; fails the test on a non-zero exit.
  std::string Git(const std::vector<std::string>& args);
  // git add -A; git commit -m message; returns the new commit id.
  std::string Commit(const std::string& message);
  // The same, authored and committed at `date` (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE, e.g.
  // "2026-01-15T12:00:00Z").
  std::string CommitAt(const std::string& message, const std::string& date);
  std::string Head();

  // Runs riskgate with `args` in the repository folder.
  ProcessResult Riskgate(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {});
  // Runs riskgate with --format json and parses standard output.
  nlohmann::json RiskgateJson(const std::vector<std::string>& args, int expected_exit,
                              const std::map<std::string, std::string>& env = {});

 private:
  TempDir dir_;
};

// Tests run in CI too: a child that stands for a developer's laptop (riskgate itself, or a git
// hook that runs it) must not see the CI system's variables. Marks them for removal in `env`
// (an empty value unsets a variable for Run).
void NotUnderCi(std::map<std::string, std::string>& env);

// Commits .github/workflows/ci.yml, one job whose one step uses actions/checkout@v4 (a tag the
// pins control resolves through the forge); returns the file's text.
std::string CommitCheckoutWorkflow(TempRepo& repo);

// A synthetic token for tests, assembled at run time so the source holds no literal secret.
std::string FakeAwsKeyId();
std::string FakeGithubToken();
std::string FakeGitlabToken();

}  // namespace riskgate::testing
