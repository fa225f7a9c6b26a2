#include <catch2/catch.hpp>

#include "policy/policy.h"

namespace riskgate::policy {
namespace {

core::Result<Policy> Load(const std::string& text) {
  return LoadPolicy(text, "policy.yaml", [](const std::string& path) -> core::Result<std::string> {
    return core::MakeError(core::ErrorCode::kIo, "no such file", path);
  });
}

}  // namespace

TEST_CASE("a threat_model section reads its components", "[policy][threat_model]") {
  auto policy = Load(R"(version: 1
controls:
  threat_model:
    max_age_days: 30
    freshness: last_change
    entry_points: ['**/routes/**']
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: high
        models: [docs/tm/payments.md, docs/tm/payments.json]
        owners: ['@acme/payments']
        aliases: [billing]
)");
  REQUIRE(policy.has_value());
  const auto& tm = policy->threat_model;
  CHECK(tm.enabled);
  CHECK(tm.max_age_days == 30);
  CHECK(tm.freshness == Freshness::kLastChange);
  REQUIRE(tm.components.size() == 1);
  CHECK(tm.components[0].tier == RiskTier::kHigh);
  CHECK(tm.components[0].models.size() == 2);
  CHECK(tm.components[0].aliases == std::vector<std::string>{"billing"});
  CHECK(tm.required_parts.size() == 7);
}

TEST_CASE("threat_model mistakes are reported together, located", "[policy][threat_model]") {
  auto policy = Load(R"(version: 1
controls:
  threat_model:
    freshness: weekly
    components:
      - name: a
        paths: ['src/[a']
        tier: extreme
        models: []
      - name: a
        paths: [x/**]
        models: [m.md]
      - paths: [y/**]
        models: [n.md]
)");
  REQUIRE_FALSE(policy.has_value());
  const std::string m = policy.error().message;
  CHECK_THAT(m, Catch::Contains("'weekly' is not one of: age, last_change"));
  CHECK_THAT(m, Catch::Contains("controls.threat_model.components[0].paths[0]"));
  CHECK_THAT(m, Catch::Contains("'extreme' is not one of: high, medium, low"));
  CHECK_THAT(m, Catch::Contains("name at least one threat model file"));
  CHECK_THAT(m, Catch::Contains("a second component named 'a'"));
  CHECK_THAT(m, Catch::Contains("components[2]"));
}

}  // namespace riskgate::policy
