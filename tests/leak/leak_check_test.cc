// Issue 5: secrets never leak. Runs after every other test (a ctest fixture) and reads all that
// the riskgate runs of the suite printed and wrote as reports (logged by tests/support). Two
// oracles: the planted test tokens never appear beyond their redacted prefix, and riskgate's own
// scanner finds no credential of any provider format in the outputs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("no planted secret appears in any output of the test suite", "[leak][issue5]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> logs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(OutputLogDir(), ec)) logs.push_back(entry.path());
  if (logs.empty()) {
    SUCCEED("no test that runs riskgate ran in this ctest invocation; nothing to check");
    return;
  }
  // Oracle 1: the planted tokens, past the four characters redaction may show. Tests derive
  // variants by changing the end, so a 16-character prefix catches those too.
  const std::vector<std::string> planted = {FakeAwsKeyId().substr(0, 16),
                                            FakeGithubToken().substr(0, 16),
                                            FakeGitlabToken().substr(0, 16)};
  TempRepo scan;
  std::uintmax_t bytes = 0;
  for (const auto& log : logs) {
    const std::string text = Slurp(log);
    bytes += text.size();
    for (const auto& secret : planted) {
      const auto at = text.find(secret);
      INFO(log.filename().string() << " at offset " << at);
      CHECK(at == std::string::npos);
    }
    fs::copy_file(log, scan.path() + "/" + log.filename().string());
  }
  // Oracle 2: every provider rule of the default pack over the outputs, as a worktree audit.
  scan.Commit("outputs of the test suite");
  const auto result =
      scan.Riskgate({"check", "--worktree", "--max-file-size", "1073741824", "--format", "json"});
  INFO(result.err);
  REQUIRE((result.exit_code == 0 || result.exit_code == 1));
  const auto doc = nlohmann::json::parse(result.out);
  for (const auto& f : doc["findings"]) {
    FAIL_CHECK("a credential in test output: " << f["rule"].dump() << " in "
                                               << f["path"].get<std::string>() << ":"
                                               << f["line"].dump());
  }
  INFO(logs.size() << " logs, " << bytes << " bytes checked");
  CHECK(bytes > 0);
  CHECK(doc["scope"]["files_scanned"] == static_cast<int>(logs.size()));
}

}  // namespace riskgate::testing
