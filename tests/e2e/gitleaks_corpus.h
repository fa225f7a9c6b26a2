// Shared by the tests that run riskgate on gitleaks' own test repositories
// (../shared/corpus/gitleaks): check one out, run riskgate on it, list its branches.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/corpus.h"
#include "support/temp_repo.h"

namespace riskgate::testing {

inline constexpr const char* kEmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

inline std::string GitleaksCorpus() { return CorpusDir("gitleaks"); }

// Copies a corpus repository into `into` and renames dotGit to .git (as the corpus README says);
// with `config` (a path inside the corpus), writes a policy that loads it as the gitleaks config.
inline std::string CheckOut(const std::string& name, const TempDir& into,
                            const std::string& config = "") {
  namespace fs = std::filesystem;
  const fs::path target = fs::path(into.path()) / name;
  fs::copy(fs::path(GitleaksCorpus()) / "testdata/repos" / name, target,
           fs::copy_options::recursive);
  for (const auto& entry : fs::recursive_directory_iterator(target)) {
    fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
  }
  fs::permissions(target, fs::perms::owner_write, fs::perm_options::add);
  fs::rename(target / "dotGit", target / ".git");
  if (!config.empty()) {
    std::ofstream(target / ".riskgate.yaml")
        << "version: 1\ncontrols:\n  secrets:\n    gitleaks_config: " << GitleaksCorpus() << "/"
        << config << "\n";
  }
  return target.string();
}

// What gitleaks reported (an expected-findings file).
inline nlohmann::json ExpectedReport(const std::string& file) {
  std::ifstream in(GitleaksCorpus() + "/expected-findings/" + file);
  return nlohmann::json::parse(in);
}

// riskgate's JSON report on `repo`, outside any CI; a pass or a block, never an error.
inline nlohmann::json RunJson(const std::string& repo, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {RiskgateBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--format", "json"});
  const auto result = Run(argv, repo,
                          {{"GIT_DIR", ""},
                           {"GIT_INDEX_FILE", ""},
                           {"GITHUB_ACTIONS", ""},
                           {"GITLAB_CI", ""},
                           {"CI", ""},
                           {"PRE_COMMIT", ""}});
  INFO(result.err);
  REQUIRE((result.exit_code == 0 || result.exit_code == 1));
  return nlohmann::json::parse(result.out);
}

// Every local branch: gitleaks' git mode scans all refs.
inline std::vector<std::string> Branches(const std::string& repo) {
  const auto result = Run({"git", "for-each-ref", "--format=%(refname:short)", "refs/heads"}, repo,
                          {{"GIT_DIR", ""}});
  REQUIRE(result.exit_code == 0);
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < result.out.size()) {
    const std::size_t end = result.out.find('\n', start);
    out.push_back(result.out.substr(start, end - start));
    start = end == std::string::npos ? result.out.size() : end + 1;
  }
  return out;
}

}  // namespace riskgate::testing
