#include <catch2/catch.hpp>

#include "core/severity.h"

namespace riskgate::core {

TEST_CASE("severity and decision names round-trip", "[core]") {
  for (auto s :
       {Severity::kInfo, Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical}) {
    CHECK(ParseSeverity(SeverityName(s)) == s);
  }
  for (auto d : {Decision::kPass, Decision::kWarn, Decision::kBlock}) {
    CHECK(ParseDecision(DecisionName(d)) == d);
  }
  CHECK_FALSE(ParseSeverity("severe").has_value());
  CHECK_FALSE(ParseDecision("Block").has_value());
}

TEST_CASE("decisions are ordered so the worst is the maximum", "[core]") {
  CHECK(std::max(Decision::kWarn, Decision::kBlock) == Decision::kBlock);
  CHECK(std::max(Decision::kPass, Decision::kWarn) == Decision::kWarn);
}

}  // namespace riskgate::core
