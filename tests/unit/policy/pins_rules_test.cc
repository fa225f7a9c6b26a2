// Issue 22: every pipeline rule can be explained: what it finds, the risk, and how to fix it.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "policy/pins_rules.h"

namespace riskgate::policy {

TEST_CASE("issue 22: every pins rule says what it finds, why it matters and how to fix it",
          "[policy]") {
  std::set<std::string_view> ids;
  for (const PinsRuleInfo& rule : PinsRules()) {
    INFO(rule.id);
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.description.empty());
    CHECK_FALSE(rule.why.empty());
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.mitigate.empty());
    CHECK(FindPinsRule(rule.id) == &rule);
  }
  // A rule about something other than a moving reference does not explain itself as one.
  REQUIRE(FindPinsRule("script-injection") != nullptr);
  CHECK(std::string(FindPinsRule("script-injection")->why).find("mutable") == std::string::npos);
}

}  // namespace riskgate::policy
