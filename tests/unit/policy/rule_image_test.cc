#include "policy/rule_image.h"

#include <catch2/catch.hpp>

namespace riskgate::policy {
namespace {

// A rule with every member away from its default.
SecretRule FullRule() {
  SecretRule rule;
  rule.id = "every-field";
  rule.description = "a rule; with \"quotes\" and\nlines";
  rule.provider = "Example";
  rule.severity = core::Severity::kCritical;
  rule.regex = std::make_shared<const Pattern>("\\b(ex_[a-z]{8})\\b", true);
  rule.path = std::make_shared<const Pattern>("\\.env$");
  rule.secret_group = 1;
  rule.keywords = {"ex_", "example"};
  rule.entropy = 3.25;
  rule.confidence = core::Confidence::kLow;
  rule.checksum = TokenChecksum::kBase62Crc32;
  rule.span = RuleSpan::kNear;
  Allowlist allow;
  allow.description = "fixtures";
  allow.condition = AllowCondition::kAnd;
  allow.regex_target = RegexTarget::kLine;
  allow.commits = {"0123456789abcdef0123456789abcdef01234567"};
  allow.paths = {std::make_shared<const Pattern>("^test/")};
  allow.regexes = {std::make_shared<const Pattern>("dummy", true)};
  allow.stopwords = {"sample"};
  rule.allowlists = {allow, Allowlist{}};
  rule.revoke_url = "https://example.com/revoke";
  rule.fix = "Revoke it.";
  rule.mitigate = "Scope it.";
  rule.tags = {"generic", "cloud"};
  rule.match_examples = {"ex_abcdefgh", std::string("nul\0byte", 8)};
  rule.no_match_examples = {"ex_short"};
  rule.origin = "builtin:rules/default/example.yaml:7";
  rule.dialect = RuleDialect::kGitleaks;
  return rule;
}

void CheckPattern(const PatternPtr& got, const PatternPtr& want) {
  REQUIRE((got == nullptr) == (want == nullptr));
  if (!want) return;
  CHECK(got->source() == want->source());
  CHECK(got->case_insensitive() == want->case_insensitive());
}

}  // namespace

TEST_CASE("a rule pack survives the embedded image with every member of every rule",
          "[policy][rule_image]") {
  RulePack pack;
  pack.name = "default";
  pack.description = "test pack";
  pack.rules = {FullRule(), SecretRule{}};
  pack.rules[1].id = "defaults";
  const auto decoded = DecodeRuleImage(EncodeRuleImage(pack));
  REQUIRE(decoded.has_value());
  CHECK(decoded->name == "default");
  CHECK(decoded->description == "test pack");
  REQUIRE(decoded->rules.size() == 2);
  const SecretRule& got = decoded->rules[0];
  const SecretRule want = FullRule();
  CHECK(got.id == want.id);
  CHECK(got.description == want.description);
  CHECK(got.provider == want.provider);
  CHECK(got.severity == want.severity);
  CheckPattern(got.regex, want.regex);
  CheckPattern(got.path, want.path);
  CHECK(got.secret_group == want.secret_group);
  CHECK(got.keywords == want.keywords);
  CHECK(got.entropy == want.entropy);
  CHECK(got.confidence == want.confidence);
  CHECK(got.checksum == want.checksum);
  CHECK(got.span == want.span);
  REQUIRE(got.allowlists.size() == 2);
  const Allowlist& a = got.allowlists[0];
  CHECK(a.description == "fixtures");
  CHECK(a.condition == AllowCondition::kAnd);
  CHECK(a.regex_target == RegexTarget::kLine);
  CHECK(a.commits == want.allowlists[0].commits);
  REQUIRE(a.paths.size() == 1);
  CheckPattern(a.paths[0], want.allowlists[0].paths[0]);
  REQUIRE(a.regexes.size() == 1);
  CheckPattern(a.regexes[0], want.allowlists[0].regexes[0]);
  CHECK(a.stopwords == want.allowlists[0].stopwords);
  CHECK(got.allowlists[1].empty());
  CHECK(got.revoke_url == want.revoke_url);
  CHECK(got.fix == want.fix);
  CHECK(got.mitigate == want.mitigate);
  CHECK(got.tags == want.tags);
  CHECK(got.match_examples == want.match_examples);
  CHECK(got.no_match_examples == want.no_match_examples);
  CHECK(got.origin == want.origin);
  CHECK(got.dialect == want.dialect);
  // The rule left at its defaults comes back at its defaults.
  const SecretRule& plain = decoded->rules[1];
  CHECK(plain.regex == nullptr);
  CHECK_FALSE(plain.entropy.has_value());
  CHECK_FALSE(plain.confidence.has_value());
  CHECK(plain.span == RuleSpan::kFile);
  CHECK(plain.dialect == RuleDialect::kRiskgate);
  // The patterns come back uncompiled and compile on first use.
  CHECK(got.regex->regex().PartialMatch("EX_ABCDEFGH"));
}

TEST_CASE("a damaged rule image is refused, not misread", "[policy][rule_image]") {
  RulePack pack;
  pack.rules = {FullRule()};
  const std::string good = EncodeRuleImage(pack);
  REQUIRE(DecodeRuleImage(good).has_value());
  // Every truncation, one extra byte, another magic, an enum out of range, a huge count.
  for (std::size_t size = 0; size < good.size(); ++size) {
    INFO("truncated to " << size);
    CHECK_FALSE(DecodeRuleImage(good.substr(0, size)).has_value());
  }
  CHECK_FALSE(DecodeRuleImage(good + "x").has_value());
  CHECK_FALSE(DecodeRuleImage("riskgate-rules-0\n" + good.substr(17)).has_value());
  std::string huge = good;
  huge[17 + 4 + pack.name.size() + 4 + pack.description.size() + 3] = '\x7f';
  CHECK_FALSE(DecodeRuleImage(huge).has_value());
  std::string bad_severity = good;
  // id, description, provider: then the severity's four bytes.
  std::size_t at = 17 + 4 + 4 + 4;
  for (const std::string* s :
       {&pack.rules[0].id, &pack.rules[0].description, &pack.rules[0].provider}) {
    at += 4 + s->size();
  }
  bad_severity[at] = '\x09';
  CHECK_FALSE(DecodeRuleImage(bad_severity).has_value());
}

}  // namespace riskgate::policy
