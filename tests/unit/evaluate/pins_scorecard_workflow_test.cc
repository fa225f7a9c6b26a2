// The workflow rows of OpenSSF Scorecard's Pinned-Dependencies test corpus
// (../shared/corpus/scorecard/expected.tsv): riskgate's count per file against Scorecard's.
// Rows where riskgate deliberately differs are listed in kDeviations with the reason; the test
// asserts riskgate's chosen value for every row, so it is a regression test either way.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "evaluate/pins/github_workflow.h"
#include "support/corpus.h"
#include "support/process.h"

namespace riskgate::evaluate::pins {
namespace {

namespace fs = std::filesystem;

fs::path CorpusDir() { return testing::CorpusDir("scorecard"); }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool IsUsesRule(const std::string& rule) {
  return rule == "unpinned-action" || rule == "unpinned-action-trusted-owner" ||
         rule == "unpinned-image";
}

// The rules of floating package installs, Scorecard's package-manager pinning.
bool IsPackageRule(const std::string& rule) {
  return rule == "npm-install" || rule == "pip-install" || rule == "pip-install-version-pinned" ||
         rule == "go-install" || rule == "gem-install" || rule == "choco-install" ||
         rule == "nuget-install" || rule == "unpinned-package";
}

struct Deviation {
  int riskgate;
  const char* why;
};

// (file, test) -> riskgate's answer where it differs from Scorecard's.
const std::map<std::pair<std::string, std::string>, Deviation> kDeviations = {
    {{"workflow-anchor.yaml", "TestGithubWorkflowPinning"},
     {2,
      "the YAML alias reuses the unpinned step: riskgate resolves aliases (actionlint, "
      "which Scorecard uses, does not), so both uses are reported"}},
    {{"github-workflow-unknown-os.yaml", "TestGithubWorkflowPkgManagerPinning"},
     {2,
      "Scorecard skips a job whose runs-on is an expression; its matrix includes Linux, so "
      "the script does run in a POSIX shell and riskgate checks it"}},
    {{"github-workflow-unknown-os.yaml", "TestGitHubWorkflowRunDownload"},
     {2, "as above: the job with the matrix-expression runs-on is checked too"}},
};

}  // namespace

TEST_CASE("Scorecard's workflow pinning cases: riskgate's counts per file", "[pins][corpus]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("scorecard");
  std::ifstream tsv(CorpusDir() / "expected.tsv");
  REQUIRE(tsv.good());
  std::string line;
  std::getline(tsv, line);  // header
  std::ostringstream table;
  int rows = 0;
  int agree = 0;
  policy::PinsControl pins;
  while (std::getline(tsv, line)) {
    std::istringstream fields(line);
    std::string path, test, metric, expected_text;
    std::getline(fields, path, '\t');
    std::getline(fields, test, '\t');
    std::getline(fields, metric, '\t');
    std::getline(fields, expected_text, '\t');
    if (path.find(".github/workflows/") == std::string::npos) continue;
    const auto issues =
        CheckGithubFile(ReadAll(CorpusDir() / path), path, GithubFileKind::kWorkflow, pins);
    int count = 0;
    for (const auto& issue : issues) {
      if (test == "TestGitHubWorkflowRunDownload") {
        // Scorecard's "unpinned" metric counts downloads and package installs together.
        count += issue.rule == "download-then-execute" || IsPackageRule(issue.rule) ? 1 : 0;
      } else if (test == "TestGithubWorkflowPkgManagerPinning") {
        count += IsPackageRule(issue.rule) ? 1 : 0;
      } else {
        count += IsUsesRule(issue.rule) ? 1 : 0;
      }
    }
    const int scorecard = std::stoi(expected_text);
    const std::string file = fs::path(path).filename().string();
    int wanted = scorecard;
    std::string note = "yes";
    if (auto it = kDeviations.find({file, test}); it != kDeviations.end()) {
      wanted = it->second.riskgate;
      note = std::string("no: ") + it->second.why;
    }
    ++rows;
    agree += count == scorecard ? 1 : 0;
    table << "| " << file << " | " << test << " | " << scorecard << " | " << count << " | " << note
          << " |\n";
    INFO(file << " " << test);
    CHECK(count == wanted);
  }
  WARN("Scorecard workflow rows: " << agree << " of " << rows << " agree\n" << table.str());
  CHECK(rows >= 15);
}

}  // namespace riskgate::evaluate::pins
