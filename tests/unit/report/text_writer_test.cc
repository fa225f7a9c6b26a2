// Regression tests for the text report found by tests/fuzz/fuzz_report.
#include <catch2/catch.hpp>

#include "report/report.h"
#include "report_samples.h"

namespace riskgate::report {

TEST_CASE("the text report escapes control bytes in every field, the rule id included",
          "[report][issue5]") {
  auto finding = testing::SecretFinding("rule\x07id", "a\nb\x1b[31m\xff.txt", 3);
  finding.message = "msg\r\x1b]0;title\x07";
  testing::Sample sample({finding});
  sample.scope.skipped.push_back({"skip\x07ped", core::SkipReason::kBinary, std::nullopt});
  const std::string text = WriteText(sample.input(), TextStyle{});
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    INFO("byte " << static_cast<int>(u));
    CHECK_FALSE(((u < 0x20 && c != '\n') || u == 0x7f));
  }
  CHECK(text.find("rule\\x07id") != std::string::npos);
  CHECK(text.find("a\\x0ab\\x1b[31m\\xff.txt") != std::string::npos);
}

}  // namespace riskgate::report
