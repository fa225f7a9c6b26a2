// The policy schema of the controls added after the foundation: reviews and threat models.
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

TEST_CASE("the reviews control is off unless the policy configures it", "[policy][reviews]") {
  auto policy = Load("version: 1\n");
  REQUIRE(policy.has_value());
  CHECK_FALSE(policy->reviews.enabled);
  auto builtin = LoadDefaultPolicy();
  REQUIRE(builtin.has_value());
  CHECK_FALSE(builtin->reviews.enabled);
}

TEST_CASE("a reviews section reads every setting", "[policy][reviews]") {
  auto policy = Load(R"(version: 1
controls:
  reviews:
    source: github
    min_approvals: 2
    code_owners: false
    codeowners: gitlab
    count_author: true
    count_bots: true
    stale_approvals: count
    on_error: block
    severity: critical
    paths:
      - paths: ['src/auth/**', 'deploy/**']
        min_approvals: 3
        code_owners: true
    teams:
      '@org/security': [alice, bob@example.com]
    forge:
      github_api_url: https://ghe.example/api/v3
      gitlab_api_url: http://127.0.0.1:8080/api/v4
      timeout_seconds: 5
      retries: 2
)");
  REQUIRE(policy.has_value());
  const ReviewsControl& r = policy->reviews;
  CHECK(r.enabled);
  CHECK(r.source == ReviewSource::kGithub);
  CHECK(r.min_approvals == 2);
  CHECK_FALSE(r.code_owners);
  CHECK(r.codeowners == CodeownersMode::kGitlab);
  CHECK(r.count_author);
  CHECK(r.count_bots);
  CHECK(r.stale_approvals == StaleApprovals::kCount);
  CHECK(r.on_error == ForgeFailure::kBlock);
  CHECK(r.severity == core::Severity::kCritical);
  REQUIRE(r.paths.size() == 1);
  CHECK(r.paths[0].paths == std::vector<std::string>{"src/auth/**", "deploy/**"});
  CHECK(r.paths[0].min_approvals == 3);
  CHECK(r.paths[0].code_owners == true);
  CHECK(r.teams.at("@org/security") == std::vector<std::string>{"alice", "bob@example.com"});
  CHECK(r.forge.github_api_url == "https://ghe.example/api/v3");
  CHECK(r.forge.timeout_seconds == 5);
  CHECK(r.forge.retries == 2);
}

TEST_CASE("every mistake in a reviews section is reported together, located", "[policy][reviews]") {
  auto policy = Load(R"(version: 1
controls:
  reviews:
    source: bitbucket
    min_approvals: -1
    stale_approvals: maybe
    paths:
      - paths: ['src/[auth']
        approvals: 2
    teams:
      security: [alice]
    forge:
      github_api_url: http://github.example/api
)");
  REQUIRE_FALSE(policy.has_value());
  const std::string message = policy.error().message;
  CHECK_THAT(message, Catch::Contains("policy.yaml:4:13: controls.reviews.source"));
  CHECK_THAT(message, Catch::Contains("'bitbucket' is not one of"));
  CHECK_THAT(message, Catch::Contains("controls.reviews.min_approvals"));
  CHECK_THAT(message, Catch::Contains("controls.reviews.stale_approvals"));
  CHECK_THAT(message, Catch::Contains("controls.reviews.paths[0].paths[0]"));
  CHECK_THAT(message, Catch::Contains("approvals"));
  CHECK_THAT(message, Catch::Contains("a team is written '@org/team'"));
  CHECK_THAT(message, Catch::Contains("plain http only to a loopback address"));
}

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

TEST_CASE("issue 16: a threat model path is read as the repository names it",
          "[policy][threat_model]") {
  auto policy = Load(R"(version: 1
controls:
  threat_model:
    components:
      - name: payments
        paths: ['src/payments/**']
        models: [./docs/x/../tm/payments.md, docs//tm/./api.md]
)");
  REQUIRE(policy.has_value());
  CHECK(policy->threat_model.components[0].models ==
        std::vector<std::string>{"docs/tm/payments.md", "docs/tm/api.md"});
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

TEST_CASE("issue 8: a high-tier component without owners is a located policy error",
          "[policy][threat_model]") {
  auto policy = Load(R"(version: 1
controls:
  threat_model:
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: high
        models: [docs/tm/payments.md]
      - name: docs
        paths: ['docs/**']
        tier: low
        models: [docs/tm/docs.md]
)");
  REQUIRE_FALSE(policy.has_value());
  const std::string m = policy.error().message;
  CHECK_THAT(m, Catch::Contains("controls.threat_model.components[0].owners"));
  CHECK_THAT(m, Catch::Contains("component 'payments' is high tier, so only its owners may accept "
                                "its risks"));
  CHECK_THAT(m, Catch::Contains("1 problem"));  // the low-tier one needs none
}

}  // namespace riskgate::policy
