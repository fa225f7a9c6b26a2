#include <catch2/catch.hpp>

#include "policy/policy.h"

namespace riskgate::policy {
namespace {

core::Result<std::string> NoFiles(const std::string& path) {
  return core::MakeError(core::ErrorCode::kIo, "no such file", path);
}

core::Result<Policy> Load(const std::string& text, FileReader reader = NoFiles) {
  return LoadPolicy(text, "policy.yaml", reader);
}

}  // namespace

TEST_CASE("the built-in default policy loads with the default rule pack", "[policy]") {
  auto policy = LoadDefaultPolicy();
  REQUIRE(policy.has_value());
  CHECK(policy->source.origin == "builtin:default");
  CHECK(policy->secrets.enabled);
  CHECK(policy->secrets.rules.size() >= 80);
  CHECK(policy->DecisionFor(core::Severity::kCritical) == core::Decision::kBlock);
  CHECK(policy->DecisionFor(core::Severity::kMedium) == core::Decision::kWarn);
}

TEST_CASE("a minimal policy gets the default decisions and the default pack", "[policy]") {
  auto policy = Load("version: 1\n");
  REQUIRE(policy.has_value());
  CHECK(policy->secrets.rule_packs == std::vector<std::string>{"builtin:default"});
  CHECK(policy->DecisionFor(core::Severity::kHigh) == core::Decision::kBlock);
  CHECK(policy->DecisionFor(core::Severity::kLow) == core::Decision::kWarn);
}

TEST_CASE("decisions per severity can be changed", "[policy]") {
  auto policy = Load("version: 1\ndecisions:\n  medium: block\n  critical: block\n");
  REQUIRE(policy.has_value());
  CHECK(policy->DecisionFor(core::Severity::kMedium) == core::Decision::kBlock);
  CHECK(policy->DecisionFor(core::Severity::kLow) == core::Decision::kWarn);
}

TEST_CASE("an unknown key is an error with its position and the keys expected", "[policy]") {
  auto policy = Load("version: 1\ncontrols:\n  secrets:\n    enabeld: false\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().code == core::ErrorCode::kPolicy);
  CHECK(policy.error().message ==
        "1 problem in policy:\n  policy.yaml:4:5: controls.secrets.enabeld: unknown key "
        "(expected one of: enabled, rule_packs, rules, disabled_rules, severity, allowlist, "
        "inline_suppressions, gitleaks_config, max_decision)");
}

TEST_CASE("a duplicate key is an error even though YAML parsers accept it", "[policy]") {
  auto policy = Load("version: 1\ndecisions:\n  high: warn\n  high: block\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message == "1 problem in policy:\n  policy.yaml:4:3: high: duplicate key");
}

TEST_CASE("every problem of a policy is reported in one pass", "[policy]") {
  auto policy = Load(
      "version: 2\n"
      "decisions:\n"
      "  high: stop\n"
      "limits:\n"
      "  max_file_bytes: lots\n"
      "colour: red\n");
  REQUIRE_FALSE(policy.has_value());
  const std::string& m = policy.error().message;
  CHECK(m.find("4 problems in policy:") == 0);
  CHECK(m.find("policy.yaml:6:1: colour: unknown key") != std::string::npos);
  CHECK(m.find("policy.yaml:1:10: version: unsupported policy version 2 (expected 1)") !=
        std::string::npos);
  CHECK(m.find("policy.yaml:3:9: decisions.high: unknown decision 'stop' (expected block, warn "
               "or pass)") != std::string::npos);
  CHECK(m.find("policy.yaml:5:19: limits.max_file_bytes: expected an integer, found 'lots'") !=
        std::string::npos);
}

TEST_CASE("YAML syntax errors name line and column", "[policy]") {
  auto policy = Load("version: 1\ncontrols: [\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("policy.yaml:3:1: invalid YAML: ") != std::string::npos);
}

TEST_CASE("an empty policy is an error, not a silent default", "[policy]") {
  auto policy = Load("");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("the policy is empty") != std::string::npos);
}

TEST_CASE("yes/no are not accepted as booleans", "[policy]") {
  auto policy = Load("version: 1\ncontrols:\n  secrets:\n    enabled: no\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("policy.yaml:4:14: controls.secrets.enabled: expected true "
                                    "or false") != std::string::npos);
}

TEST_CASE("an inline rule with a Perl named group gets a rewrite hint", "[policy]") {
  auto policy = Load(
      "version: 1\n"
      "controls:\n"
      "  secrets:\n"
      "    rules:\n"
      "      - id: my-token\n"
      "        description: Internal token\n"
      "        severity: high\n"
      "        regex: 'tok_(?<secret>[a-z]{20})'\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find(
            "policy.yaml:8:16: controls.secrets.rules[0] (my-token).regex: invalid pattern: ") !=
        std::string::npos);
  CHECK(policy.error().message.find("write named groups as (?P<name>...)") != std::string::npos);
}

TEST_CASE("patterns that match the empty string are load errors naming the rule", "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  secrets:\n    rules:\n"
      "      - {id: greedy, description: d, severity: low, regex: 'x*'}\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("(greedy).regex: pattern matches the empty string") !=
        std::string::npos);
}

TEST_CASE("repetition beyond RE2's limit is a load error", "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  secrets:\n    rules:\n"
      "      - {id: big, description: d, severity: low, regex: 'a{1,1001}'}\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find(
            "(big).regex: invalid pattern: invalid repetition size: {1,1001}") !=
        std::string::npos);
}

TEST_CASE("a secret group beyond the regex's groups is a load error", "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  secrets:\n    rules:\n"
      "      - {id: g, description: d, severity: low, regex: 'k(x+)', secret_group: 2}\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("(g).secret_group: secret_group 2 is out of range (the regex "
                                    "has 1 groups)") != std::string::npos);
}

TEST_CASE("rule packs are read relative to the policy and validated", "[policy]") {
  std::string requested;
  auto reader = [&](const std::string& path) -> core::Result<std::string> {
    requested = path;
    return std::string(
        "pack: team\nrules:\n"
        "  - id: team-token\n    description: Team token\n    severity: high\n"
        "    regex: 'team_[a-z0-9]{24}'\n    keywords: [team_]\n");
  };
  auto policy = LoadPolicy("version: 1\ncontrols:\n  secrets:\n    rule_packs: [rules/team.yaml]\n",
                           "/repo/.riskgate.yaml", reader);
  REQUIRE(policy.has_value());
  CHECK(requested == "/repo/rules/team.yaml");
  REQUIRE(policy->secrets.rules.size() == 1);
  CHECK(policy->secrets.rules[0].id == "team-token");
}

TEST_CASE("a missing rule pack is reported where the policy names it", "[policy]") {
  auto policy = Load("version: 1\ncontrols:\n  secrets:\n    rule_packs: [nope.yaml]\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("policy.yaml:4:18: controls.secrets.rule_packs[0]: cannot "
                                    "read rule pack 'nope.yaml'") != std::string::npos);
}

TEST_CASE("disabling or re-rating an unknown rule is an error", "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  secrets:\n    disabled_rules: [no-such-rule]\n"
      "    severity: {also-missing: low}\n");
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("no rule has the id 'no-such-rule'") != std::string::npos);
  CHECK(policy.error().message.find(
            "controls.secrets.severity.also-missing: no rule has this id") != std::string::npos);
}

TEST_CASE("a rule defined twice across packs is an error naming both places", "[policy]") {
  auto reader = [](const std::string&) -> core::Result<std::string> {
    return std::string(
        "pack: p\nrules:\n  - {id: dup, description: d, severity: low, regex: 'dup_[0-9]+'}\n");
  };
  auto policy = LoadPolicy("version: 1\ncontrols:\n  secrets:\n    rule_packs: [a.yaml, b.yaml]\n",
                           "/r/p.yaml", reader);
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("rule id 'dup' is defined twice") != std::string::npos);
}

TEST_CASE("alias bombs are refused instead of expanded", "[policy]") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char prev = static_cast<char>(c - 1);
    text += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  auto policy = Load(text);
  REQUIRE_FALSE(policy.has_value());
  CHECK(policy.error().message.find("nodes (alias expansion?)") != std::string::npos);
}

TEST_CASE("a policy whose patterns together exceed the run's regex budget is rejected",
          "[policy][issue5]") {
  std::string rx;
  for (int i = 0; i < 40; ++i) rx += "[a-z0-9]{1000}";  // about 80,000 instructions
  auto policy_with = [&](int rules) {
    std::string text = "version: 1\ncontrols:\n  secrets:\n    rules:\n";
    for (int i = 0; i < rules; ++i) {
      const std::string id = "big-" + std::to_string(i);
      text += "      - id: " + id + "\n        description: big\n        severity: high\n" +
              "        regex: 'tk" + std::to_string(i) + "_" + rx + "'\n";
    }
    return Load(text);
  };
  CHECK(policy_with(10));
  auto over = policy_with(14);
  REQUIRE_FALSE(over);
  CHECK(over.error().message.find("regex instructions together; a run allows 1000000") !=
        std::string::npos);
  CHECK(over.error().message.find("the largest is big-") != std::string::npos);
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE(
    "issue 22: a policy adds inputs actions run as code and outputs that carry a pull "
    "request's text",
    "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  pins:\n    script_inputs:\n      My-Org/Run-JS: [Code]\n"
      "      actions/github-script: [extra]\n    untrusted_outputs:\n"
      "      my-org/list-files: ['*']\n");
  REQUIRE(policy.has_value());
  CHECK(policy->pins.script_inputs.at("my-org/run-js") == std::vector<std::string>{"code"});
  // Added to the defaults, which stay.
  CHECK(policy->pins.script_inputs.at("actions/github-script") ==
        std::vector<std::string>{"script", "extra"});
  CHECK(policy->pins.untrusted_outputs.at("my-org/list-files") == std::vector<std::string>{"*"});
  CHECK(policy->pins.untrusted_outputs.contains("tj-actions/changed-files"));
  CHECK(NamesFor(policy->pins.script_inputs, "My-Org/Run-JS/sub@v1") ==
        std::vector<std::string>{"code"});
  CHECK(NamesFor(policy->pins.script_inputs, "./local").empty());
}

TEST_CASE("issue 22: a script_inputs entry that names no action or no list is an error",
          "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  pins:\n    script_inputs:\n      run-js: [code]\n"
      "      a/b@v1: [code]\n      c/d: code\n");
  REQUIRE_FALSE(policy.has_value());
  const std::string& message = policy.error().message;
  CHECK(message.find("policy.yaml:5:7: controls.pins.script_inputs.run-js: expected an action") !=
        std::string::npos);
  CHECK(message.find("policy.yaml:6:7") != std::string::npos);
  CHECK(message.find("controls.pins.script_inputs.c/d") != std::string::npos);
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE("issue 22: a policy forbids actions and turns the online checks off", "[policy]") {
  auto policy = Load(
      "version: 1\ncontrols:\n  pins:\n    forbidden_uses: [Evil-Org/*, tj-actions/changed-files]\n"
      "    online_checks: false\n");
  REQUIRE(policy.has_value());
  CHECK(policy->pins.forbidden_uses ==
        std::vector<std::string>{"evil-org/*", "tj-actions/changed-files"});
  CHECK_FALSE(policy->pins.online_checks);
  auto defaults = Load("version: 1\n");
  REQUIRE(defaults.has_value());
  CHECK(defaults->pins.online_checks);
  CHECK(defaults->pins.forbidden_uses.empty());
}

}  // namespace riskgate::policy
