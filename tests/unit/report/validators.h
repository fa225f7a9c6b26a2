// Test helper: the real validators the report tests run on documents. Both fail loudly when the
// validator is missing; a skipped validation would let an invalid report pass.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.h"

namespace riskgate::report::testing {

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

// xmllint --schema with the JUnit XSD in this folder (Jenkins' junit-10.xsd shape).
inline void RequireValidJunit(const std::string& path) {
  const std::string xsd = riskgate::testing::SourceDir() + "/tests/unit/report/junit.xsd";
  auto result = riskgate::testing::Run({"xmllint", "--noout", "--schema", xsd, path});
  if (result.exit_code == 127) {
    FAIL("xmllint is not installed: install libxml2-utils (tools/deps.sh)");
  }
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

// tests/tools/validate_sarif.sh: Microsoft's SARIF Multitool with GitHub's rules enabled. The
// script installs the tool from npm on first use; without npm or a registry this fails.
// SARIF2005 (tool.driver.informationUri) is waived only while the build names no home page.
inline void RequireValidSarif(const std::string& path) {
  const std::string script = riskgate::testing::SourceDir() + "/tests/tools/validate_sarif.sh";
  std::vector<std::string> argv = {script};
  std::ifstream in(path, std::ios::binary);
  const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded() && doc.contains("runs") && !doc["runs"].empty() &&
      !doc["runs"][0]["tool"]["driver"].contains("informationUri")) {
    WARN("no informationUri: set HOMEPAGE_URL in project() to drop --ignore SARIF2005");
    argv.insert(argv.end(), {"--ignore", "SARIF2005"});
  }
  argv.push_back(path);
  auto result = riskgate::testing::Run(argv);
  INFO(result.out << result.err);
  if (result.exit_code == 2) FAIL("the SARIF validator could not be installed or run");
  REQUIRE(result.exit_code == 0);
}

}  // namespace riskgate::report::testing
