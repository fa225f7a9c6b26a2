// Issue 9: the custom control's schema and `extends:` composition.
#include <catch2/catch.hpp>

#include <map>

#include "policy/policy.h"

namespace riskgate::policy {
namespace {

using Files = std::map<std::string, std::string>;

core::Result<Policy> Load(const std::string& text, const Files& files = {},
                          const std::string& origin = "repo/.riskgate.yaml") {
  return LoadPolicy(text, origin, [&files](const std::string& path) -> core::Result<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return core::MakeError(core::ErrorCode::kIo, "no such file", path);
    return it->second;
  });
}

const CustomRule* Rule(const Policy& policy, const std::string& id) {
  for (const auto& rule : policy.custom.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every custom rule kind loads with its fields", "[policy][custom]") {
  auto policy = Load(R"(version: 1
controls:
  custom:
    rules:
      - {id: a, kind: forbid_content, description: d, severity: high, pattern: 'eval\(',
         paths: ['src/**'], exclude_paths: ['src/vendor/**'], unless: ['ok'], fix: f,
         mitigate: m, why: w, when: {branches: [main], events: [push], changed: ['src/**']}}
      - {id: b, kind: forbid_path, description: d, severity: low, paths: ['**/.env'],
         max_bytes: 10}
      - {id: c, kind: require_path, description: d, severity: info, paths: [SECURITY.md]}
      - {id: d, kind: require_change, description: d, severity: medium, paths: ['db/**'],
         require: [CHANGELOG.md]}
      - {id: e, kind: restrict_change, description: d, severity: high, paths: ['prod/**'],
         owners: ['@acme/release', 'ops@acme.io']}
      - {id: f, kind: commit_message, description: d, severity: low, must_match: ['X-[0-9]+'],
         must_not_match: ['^WIP']}
)");
  REQUIRE(policy.has_value());
  REQUIRE(policy->custom.rules.size() == 6);
  const auto* a = Rule(*policy, "a");
  CHECK(a->kind == CustomKind::kForbidContent);
  CHECK(a->pattern->source() == "eval\\(");
  CHECK(a->unless.size() == 1);
  CHECK(a->when.branches == std::vector<std::string>{"main"});
  CHECK(a->origin == "repo/.riskgate.yaml:5");
  CHECK(RuleCoversPath(*a, "src/x.js"));
  CHECK_FALSE(RuleCoversPath(*a, "src/vendor/x.js"));
  CHECK(Rule(*policy, "b")->max_bytes == 10);
  CHECK(Rule(*policy, "d")->require == std::vector<std::string>{"CHANGELOG.md"});
  CHECK(Rule(*policy, "e")->owners.size() == 2);
  CHECK(Rule(*policy, "f")->must_not_match.size() == 1);
  CHECK(CustomRuleFix(*Rule(*policy, "c")) == "Add a file matching the rule's paths");
}

TEST_CASE("every problem of the custom rules is reported at once, located and named by rule id",
          "[policy][custom]") {
  auto policy = Load(R"(version: 1
controls:
  custom:
    rules:
      - id: unknown-kind
        kind: forbid_paths
        description: d
        severity: high
      - id: bad-pattern
        kind: forbid_content
        description: d
        severity: high
        pattern: '(unclosed'
      - id: bad-glob
        kind: forbid_path
        description: d
        severity: high
        paths: ['src/[a-']
      - id: wrong-field
        kind: require_path
        description: d
        severity: high
        paths: [SECURITY.md]
        pattern: x
      - id: bad-pattern
        kind: commit_message
        description: d
        severity: loud
)");
  REQUIRE_FALSE(policy.has_value());
  const std::string& m = policy.error().message;
  INFO(m);
  CHECK_THAT(m,
             Catch::Contains("repo/.riskgate.yaml:6:15: controls.custom.rules[unknown-kind].kind: "
                             "unknown rule kind 'forbid_paths'"));
  CHECK_THAT(m, Catch::Contains("repo/.riskgate.yaml:13:18: controls.custom.rules[bad-pattern]."
                                "pattern: bad pattern"));
  CHECK_THAT(m, Catch::Contains("controls.custom.rules[bad-glob].paths[0]: bad glob 'src/[a-'"));
  CHECK_THAT(m, Catch::Contains("controls.custom.rules[wrong-field].pattern: unknown key"));
  CHECK_THAT(m, Catch::Contains("controls.custom.rules[bad-pattern].severity"));
  CHECK_THAT(m, Catch::Contains("needs must_match or must_not_match"));
  CHECK_THAT(m, Catch::Contains("rule id 'bad-pattern' is defined twice"));
  CHECK_THAT(m, Catch::StartsWith("7 problems in policy"));
}

TEST_CASE("a rule pack of custom rules is read beside the policy", "[policy][custom]") {
  const Files files = {{"repo/rules/org.yaml", R"(version: 1
rules:
  - {id: no-pem, kind: forbid_path, description: d, severity: critical, paths: ['**/*.pem']}
)"}};
  auto policy = Load(R"(version: 1
controls:
  custom:
    rule_packs: [rules/org.yaml]
    rules:
      - {id: no-pem, kind: forbid_path, description: again, severity: low, paths: ['*.pem']}
)",
                     files);
  REQUIRE_FALSE(policy.has_value());
  CHECK_THAT(policy.error().message, Catch::Contains("rule id 'no-pem' is defined twice "
                                                     "(repo/rules/org.yaml:3 and "
                                                     "repo/.riskgate.yaml:6)"));
}

TEST_CASE("extends merges maps by key and rule lists by id, the extending file last",
          "[policy][custom][extends]") {
  const Files files = {{"central/baseline.yaml", R"(version: 1
extends: builtin:default
decisions: {medium: block}
controls:
  custom:
    rules:
      - {id: no-pem, kind: forbid_path, description: keys, severity: critical, paths: ['**/*.pem']}
      - {id: ticket, kind: commit_message, description: t, severity: high, must_match: ['X-1']}
)"}};
  auto policy = Load(R"(version: 1
extends: [../central/baseline.yaml]
decisions: {low: block}
controls:
  custom:
    rules:
      - {id: ticket, kind: commit_message, description: t, severity: info, must_match: ['Y-1']}
      - {id: readme, kind: require_path, description: r, severity: low, paths: [README.md]}
)",
                     files);
  REQUIRE(policy.has_value());
  CHECK(policy->source.extends ==
        std::vector<std::string>{"builtin:default", "central/baseline.yaml"});
  CHECK(policy->DecisionFor(core::Severity::kMedium) == core::Decision::kBlock);  // baseline
  CHECK(policy->DecisionFor(core::Severity::kLow) == core::Decision::kBlock);     // repo
  CHECK(policy->DecisionFor(core::Severity::kInfo) == core::Decision::kPass);     // default
  CHECK(policy->secrets.rules.size() > 100);  // the default policy's pack
  REQUIRE(policy->custom.rules.size() == 3);
  CHECK(policy->custom.rules[0].id == "no-pem");
  CHECK(policy->custom.rules[0].origin == "central/baseline.yaml:7");
  CHECK(policy->custom.rules[1].id == "ticket");
  CHECK(policy->custom.rules[1].severity == core::Severity::kInfo);
  CHECK(policy->custom.rules[2].id == "readme");
}

TEST_CASE("a problem in an extended policy names that file", "[policy][extends]") {
  const Files files = {{"central/baseline.yaml", R"(version: 1
controls:
  custom:
    rules:
      - {id: x, kind: forbid_path, description: d, severity: severe, paths: ['*.pem']}
)"}};
  auto policy = Load("version: 1\nextends: ../central/baseline.yaml\n", files);
  REQUIRE_FALSE(policy.has_value());
  CHECK_THAT(policy.error().message, Catch::Contains("central/baseline.yaml:5:"));
  CHECK_THAT(policy.error().message, Catch::Contains("controls.custom.rules[x].severity"));
}

TEST_CASE("an extends cycle, a missing file and an unknown built-in are load errors",
          "[policy][extends]") {
  const Files files = {{"a.yaml", "version: 1\nextends: b.yaml\n"},
                       {"b.yaml", "version: 1\nextends: [a.yaml]\n"}};
  auto cycle = Load(files.at("a.yaml"), files, "a.yaml");
  REQUIRE_FALSE(cycle.has_value());
  CHECK_THAT(cycle.error().message, Catch::Contains("extends cycle: a.yaml -> b.yaml -> a.yaml"));
  auto missing = Load("version: 1\nextends: [nope.yaml, builtin:strict]\n");
  REQUIRE_FALSE(missing.has_value());
  CHECK_THAT(missing.error().message,
             Catch::Contains("cannot read extended policy 'repo/nope.yaml'"));
  CHECK_THAT(missing.error().message, Catch::Contains("unknown built-in policy 'builtin:strict'"));
}

}  // namespace riskgate::policy
