// The default rule pack is embedded without compiling its patterns at start-up; this test is
// what guarantees they all compile, and that each rule finds its own examples.
#include <array>
#include <catch2/catch.hpp>
#include <set>

#include "evaluate/secrets/secrets_scanner.h"
#include "policy/policy.h"
#include "policy/rule_pack.h"

namespace riskgate::evaluate::secrets {
namespace {

const policy::Policy& DefaultPolicy() {
  static const policy::Policy policy = [] {
    auto p = policy::LoadDefaultPolicy();
    REQUIRE(p.has_value());
    return std::move(*p);
  }();
  return policy;
}

bool HasRule(const std::vector<core::Finding>& findings, const std::string& rule) {
  for (const auto& f : findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every pattern of the default pack passes the same validation as user packs",
          "[evaluate][default-pack]") {
  core::Diagnostics diagnostics;
  auto pack =
      policy::LoadBuiltinRulePack("builtin:default", policy::PatternCheck::kValidate, diagnostics);
  REQUIRE(pack.has_value());
  CHECK(pack->rules.size() >= 80);
  std::string problems;
  for (const auto& d : diagnostics.items()) problems += d.ToString() + "\n";
  INFO(problems);
  CHECK(diagnostics.empty());
}

TEST_CASE("the default pack has at least 80 provider rules plus generic ones",
          "[evaluate][default-pack]") {
  int provider = 0;
  int generic = 0;
  std::set<std::string> providers;
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    const bool is_generic =
        std::find(rule.tags.begin(), rule.tags.end(), "generic") != rule.tags.end();
    if (is_generic) {
      ++generic;
      CHECK(rule.severity <= core::Severity::kMedium);
    } else {
      ++provider;
      providers.insert(rule.provider);
    }
  }
  CHECK(provider >= 80);
  CHECK(generic >= 1);
  CHECK(providers.size() >= 40);
}

TEST_CASE("every default rule has remedies, a revocation page, keywords and examples",
          "[evaluate][default-pack]") {
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    INFO(rule.id);
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.mitigate.empty());
    CHECK_FALSE(rule.revoke_url.empty());
    CHECK_FALSE(rule.keywords.empty());
    // Issue 18: at least two texts the rule must match and one it must not, in the pack itself.
    CHECK(rule.match_examples.size() >= 2);
    CHECK(rule.no_match_examples.size() >= 1);
    // Every keyword is a literal worth prefiltering on.
    for (const auto& keyword : rule.keywords) CHECK(keyword.size() >= 3);
  }
}

TEST_CASE("every default rule finds its match examples and not its no-match examples",
          "[evaluate][default-pack]") {
  const auto& policy = DefaultPolicy();
  SecretsScanner scanner(policy.secrets);
  for (const auto& rule : policy.secrets.rules) {
    for (const auto& example : rule.match_examples) {
      INFO(rule.id << " should match: " << example);
      ScanStats stats;
      auto findings =
          scanner.Scan(collect::Fragment{"src/config.txt", std::nullopt, 1, example}, stats);
      CHECK(HasRule(findings, rule.id));
    }
    for (const auto& example : rule.no_match_examples) {
      INFO(rule.id << " should not match: " << example);
      ScanStats stats;
      auto findings =
          scanner.Scan(collect::Fragment{"src/config.txt", std::nullopt, 1, example}, stats);
      CHECK_FALSE(HasRule(findings, rule.id));
    }
  }
}

TEST_CASE("every match of a default rule contains one of its keywords",
          "[evaluate][default-pack]") {
  // The prefilter skips a rule when none of its keywords occur in the text; a match without a
  // keyword would be a silent miss.
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    for (const auto& example : rule.match_examples) {
      std::array<std::string_view, 1> match;
      if (!rule.regex->regex().PartialMatch(example, match)) continue;
      std::string lower(match[0]);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool has_keyword = false;
      for (const auto& k : rule.keywords)
        has_keyword = has_keyword || lower.find(k) != std::string::npos;
      INFO(rule.id << ": " << example);
      CHECK(has_keyword);
    }
  }
}

}  // namespace riskgate::evaluate::secrets
