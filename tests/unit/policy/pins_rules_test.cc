// Issue 22: every pipeline rule can be explained: what it finds, the risk, and how to fix it.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "policy/pins_rules.h"
#include "support/process.h"

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

namespace riskgate::policy {

TEST_CASE("issue 22: docs/rules.md and docs/policy.md list every pins rule", "[policy]") {
  auto read = [](const std::string& name) {
    std::ifstream in(testing::SourceDir() + "/docs/" + name);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string rules = read("rules.md");
  const std::string policy = read("policy.md");
  REQUIRE(rules.find("## Pipeline rules") != std::string::npos);
  const std::string table = rules.substr(rules.find("## Pipeline rules"));
  for (const PinsRuleInfo& rule : PinsRules()) {
    INFO(rule.id);
    const std::string cell = "`" + std::string(rule.id) + "`";
    CHECK(table.find(cell) != std::string::npos);  // with its zizmor/Scorecard counterpart
    CHECK(policy.find(cell) != std::string::npos);
  }
}

}  // namespace riskgate::policy
