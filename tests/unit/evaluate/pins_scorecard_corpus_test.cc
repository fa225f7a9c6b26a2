// OpenSSF Scorecard's own Pinned-Dependencies test inputs (../shared/corpus/scorecard, Apache-2.0)
// run through riskgate's Dockerfile and shell analysers, compared with Scorecard's expected
// counts (expected.tsv). Workflow rows are checked by the workflow tests.
//
// Counts: TestDockerfilePinning*: unpinned FROMs (DockerfileAnalysis::unpinned_froms);
// TestDockerfileScriptDownload*: Dockerfile RUN issues; TestShellScriptDownload*: shell issues
// (download-then-execute plus package rules; pip-install-version-pinned included, as Scorecard
// counts exact `==` pins as unpinned). Files are selected as Scorecard's harness does: a shell
// script (extension or shebang) is not a Dockerfile, vendor/ and third_party/ Dockerfiles are
// skipped (Scorecard's path filter; riskgate's evaluator judges them, issue 16), only sh/bash/mksh
// scripts are analysed as shell.
//
// Rows where riskgate's answer is deliberately different, because it is better:
// | file                               | test                          | scorecard | riskgate | why
// | Dockerfile-not-pinned-as           | TestDockerfilePinning         | 2 | 1 | `FROM build` names
// the |                                    |                               |   |   | stage whose
// base (python:3.7) is already reported | Dockerfile-pinned-as-without-hash  |
// TestDockerfilePinningWithoutHash | 4 | 2 | `FROM base`, `FROM | |                               |
// |   | build` are stages of the two bad digests | Dockerfile-wget-file               |
// TestDockerfileScriptDownload  | 10 | 9 | `curl URL | bash |                                    |
// |   |   | ./file1112` runs a local script; the download is its stdin data | script-invalid.sh |
// TestShellScriptDownload       | 0 | 2 | Scorecard drops a file its | | |   |   | parser rejects;
// riskgate still finds both `curl bla | bash` The test asserts riskgate's value for every row and
// prints the agreement table as a warning.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "evaluate/pins/dockerfile_analysis.h"
#include "evaluate/pins/shell_analysis.h"
#include "support/corpus.h"
#include "support/process.h"

namespace riskgate::evaluate::pins {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string path;
  std::string test;
  std::string metric;
  int expected = 0;
};

struct Deviation {
  int riskgate = 0;
  std::string why;
};

const std::map<std::string, Deviation>& Deviations() {
  static const std::map<std::string, Deviation> kDeviations = {
      {"TestDockerfilePinning checks/raw/testdata/Dockerfile-not-pinned-as",
       {1, "`FROM build` is a stage reference; its base is reported once"}},
      {"TestDockerfilePinningWithoutHash checks/raw/testdata/Dockerfile-pinned-as-without-hash",
       {2, "`FROM base`/`FROM build` are stage references"}},
      {"TestDockerfileScriptDownload checks/raw/testdata/Dockerfile-wget-file",
       {9, "`curl URL | bash ./file` runs a local script, not the download"}},
      {"TestShellScriptDownload checks/raw/testdata/script-invalid.sh",
       {2, "a parse error does not hide `curl bla | bash`"}},
  };
  return kDeviations;
}

fs::path CorpusDir() { return testing::CorpusDir("scorecard"); }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Row> ReadExpected(const fs::path& tsv) {
  std::vector<Row> rows;
  std::istringstream lines(ReadFile(tsv));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 4) continue;
    rows.push_back({cells[0], cells[1], cells[2], std::stoi(cells[3])});
  }
  return rows;
}

bool HasExtension(const std::string& path, const std::vector<std::string>& names) {
  for (const auto& n : names) {
    if (path.ends_with("." + n)) return true;
  }
  return false;
}

std::string Base(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// Scorecard's isMatchingShellScriptFile: the shebang decides, else the extension.
bool IsShellScript(const std::string& path, const std::string& content,
                   const std::vector<std::string>& shells) {
  if (!content.starts_with("#!")) return HasExtension(path, shells);
  std::istringstream first(content.substr(2, content.find('\n') - 2));
  std::vector<std::string> parts;
  for (std::string p; first >> p;) parts.push_back(p);
  for (const auto& shell : shells) {
    if (!parts.empty() && Base(parts[0]) == shell) return true;
    if (parts.size() >= 2 && Base(parts[0]) == "env" && Base(parts[1]) == shell) return true;
  }
  return false;
}

bool InVendorDir(const std::string& path) {
  return path.find("vendor/") != std::string::npos ||
         path.find("third_party/") != std::string::npos;
}

// riskgate's count for a row, or -1 for rows this test does not own.
int RiskgateCount(const Row& row, const std::string& content) {
  const bool docker_pinning = row.test.starts_with("TestDockerfilePinning");
  const bool docker_download = row.test.starts_with("TestDockerfileScriptDownload");
  const bool shell_download = row.test.starts_with("TestShellScriptDownload");
  if (docker_pinning || docker_download) {
    const std::vector<std::string> all_shells = {"exec", "su", "sh", "bash", "mksh", "dash", "ksh"};
    if (InVendorDir(row.path) || IsShellScript(row.path, content, all_shells)) return 0;
    const DockerfileAnalysis analysis = AnalyzeDockerfile(content);
    return static_cast<int>(docker_pinning ? analysis.unpinned_froms.size()
                                           : analysis.run_issues.size());
  }
  if (shell_download) {
    if (!IsShellScript(row.path, content, {"sh", "bash", "mksh"})) return 0;
    return static_cast<int>(AnalyzeShell(content, 1).size());
  }
  return -1;
}

}  // namespace

TEST_CASE("riskgate agrees with Scorecard's expected counts on its Dockerfile and shell inputs",
          "[pins][corpus]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("scorecard");
  const fs::path corpus = CorpusDir();
  REQUIRE(fs::exists(corpus / "expected.tsv"));
  std::ostringstream table;
  table << "| file | test | metric | scorecard | riskgate | agree? |\n";
  int rows = 0;
  int agreed = 0;
  for (const Row& row : ReadExpected(corpus / "expected.tsv")) {
    const int count = RiskgateCount(row, ReadFile(corpus / row.path));
    if (count < 0) continue;
    ++rows;
    const auto deviation = Deviations().find(row.test + " " + row.path);
    const bool deviates = deviation != Deviations().end();
    const int want = deviates ? deviation->second.riskgate : row.expected;
    agreed += count == row.expected ? 1 : 0;
    table << "| " << row.path.substr(row.path.find("testdata/") + 9) << " | " << row.test << " | "
          << row.metric << " | " << row.expected << " | " << count << " | "
          << (count == row.expected ? "yes"
              : deviates            ? "no: " + deviation->second.why
                                    : "NO")
          << " |\n";
    INFO(row.test << " " << row.path);
    CHECK(count == want);
  }
  table << agreed << " of " << rows << " rows agree";
  WARN(table.str());
  CHECK(rows == 42);  // every Dockerfile and shell row of expected.tsv
}

TEST_CASE("every Scorecard corpus file goes through both analysers without failing",
          "[pins][corpus]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("scorecard");
  const fs::path corpus = CorpusDir();
  REQUIRE(fs::exists(corpus));
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    const std::string content = ReadFile(entry.path());
    CHECK_NOTHROW(AnalyzeDockerfile(content));
    CHECK_NOTHROW(AnalyzeShell(content, 1));
    ++files;
  }
  CHECK(files > 30);
}

}  // namespace riskgate::evaluate::pins
