// Test support: the external test data beside the project (../shared/corpus/<name>). A bare clone
// has none; the tests that need it report themselves skipped instead of failing.
#pragma once

#include <string>
#include <string_view>

namespace riskgate::testing {

// The marker ctest reads as "skipped" (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt).
inline constexpr std::string_view kSkipMarker = "RISKGATE_TEST_SKIPPED";

// <project root>/../shared/corpus/<name>; RISKGATE_TEST_CORPUS_ROOT overrides the
// <project root>/../shared/corpus part (a test of the skip itself points it nowhere).
std::string CorpusDir(std::string_view name);

// True when the corpus folder exists; else prints the skip marker and why, and returns false.
bool CorpusPresent(std::string_view name);

}  // namespace riskgate::testing

// Ends the calling test case early, reported as skipped, when ../shared/corpus/<name> is absent.
#define RISKGATE_SKIP_WITHOUT_CORPUS(name) \
  if (!::riskgate::testing::CorpusPresent(name)) return
