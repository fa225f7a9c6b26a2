// Issue 17: golden tests of every control and every report format. ctest runs this program once
// per folder of tests/golden/ (RISKGATE_GOLDEN_CASE names it): the case's repository is built,
// riskgate runs once writing every format, and each normalised document, the exit code and
// stderr must equal the case's expected.* files byte for byte. RISKGATE_UPDATE_GOLDEN=1
// rewrites them instead. No planted secret may appear in any expected or actual output.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "golden/runner/golden_case.h"
#include "golden/runner/golden_output.h"

namespace riskgate::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadIfPresent(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Compares (or, updating, records) one document. A planted secret in the run's output, or in the
// recorded file when comparing, fails the case, and then no diff is printed: it would show it.
void CheckDocument(const GoldenCase& golden, const std::string& file, const std::string& raw,
                   const std::string& actual) {
  const fs::path path = fs::path(golden.dir) / file;
  const std::string expected = ReadIfPresent(path);
  const auto leaked = SecretsShown(raw, golden.secrets);
  const auto recorded_leak = SecretsShown(expected, golden.secrets);
  for (const auto& secret : leaked) FAIL_CHECK(file << " of this run shows the secret " << secret);
  if (UpdatingGolden()) {
    if (leaked.empty() && (!fs::exists(path) || expected != actual)) {
      WriteFileAtomically(path.string(), actual);
    }
    return;
  }
  for (const auto& secret : recorded_leak) {
    FAIL_CHECK(path.string() << " shows the secret " << secret);
  }
  if (!fs::exists(path)) {
    FAIL_CHECK(path.string() << " is missing: record it with RISKGATE_UPDATE_GOLDEN=1");
  } else if (expected != actual && (!leaked.empty() || !recorded_leak.empty())) {
    FAIL_CHECK(file << " differs (diff withheld: it would print a planted secret)");
  } else if (expected != actual) {
    FAIL_CHECK(file << " differs from the recorded output:\n"
                    << UnifiedDiff(golden.name + "/" + file, expected, actual));
  }
}

}  // namespace

TEST_CASE("a golden case gives its recorded output in every format, its exit code and stderr",
          "[e2e][golden][case]") {
  const char* dir = std::getenv("RISKGATE_GOLDEN_CASE");
  REQUIRE(dir != nullptr);
  const GoldenCase golden = LoadGoldenCase(dir);
  const GoldenRun run = RunGoldenCase(golden);
  INFO("golden case " << golden.name);
  CHECK(run.stdout_text.empty());

  std::set<std::string> produced;
  for (const auto& [file, raw] : run.documents) {
    produced.insert(file);
    CheckDocument(golden, file, raw, NormaliseGoldenOutput(raw, run.substitutions));
  }
  // An expected file no run produces any more is stale.
  for (const auto& entry : fs::directory_iterator(golden.dir)) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with("expected.") || produced.count(file) != 0) continue;
    if (UpdatingGolden()) {
      fs::remove(entry.path());
    } else {
      FAIL_CHECK(entry.path().string() << " is produced by no format any more");
    }
  }
}

}  // namespace riskgate::testing
