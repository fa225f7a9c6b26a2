// Issue 18: how sure a secrets finding is (core::Confidence), from the rule, a provider's
// embedded checksum and the placeholder test, and what the policy lets each confidence decide.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>

#include "evaluate/secrets/placeholder.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/secrets/token_checksum.h"
#include "policy/policy.h"
#include "unit/evaluate/policy_text.h"

namespace riskgate::evaluate::secrets {
namespace {

// Three rules: a prefix only one provider issues (high), a checksummed token, a generic one.
const char* kRules = R"yaml(    rule_packs: []
    max_decision:
      low: warn
    rules:
      - id: demo-prefixed
        description: Demo token
        provider: Demo
        severity: critical
        confidence: high
        regex: '\b(dmo_[A-Za-z0-9]{24})\b'
        keywords: [dmo_]
      - id: demo-checked
        description: Demo checked token
        provider: Demo
        severity: critical
        checksum: base62-crc32
        regex: '\b(ghp_[A-Za-z0-9]{36})\b'
        keywords: [ghp_]
      - id: demo-generic
        description: Generic secret
        severity: medium
        regex: 'secret\s*=\s*"([^"]{8,})"'
        keywords: [secret]
        tags: [generic]
)yaml";

std::vector<core::Finding> Scan(const std::string& text) {
  static const policy::Policy policy = PolicyWith(kRules);
  SecretsScanner scanner(policy.secrets);
  ScanStats stats;
  return scanner.Scan(collect::Fragment{"app.py", std::nullopt, 1, text}, stats);
}

// A token in GitHub's format whose checksum holds (computed for this test, never issued).
constexpr const char* kValidGhp = "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";

}  // namespace

TEST_CASE("the placeholder test is the stated one", "[evaluate][secrets][confidence]") {
  for (const char* value :
       {"AKIAIOSFODNN7EXAMPLE", "sk_live_0123456789abcdefghij", "abcd1234abcd5678abcd",
        "xxxxxxxxxxxxxxxxxxxx", "12345678901234567890", "<your-api-key>", "YOUR_TOKEN_HERE",
        "token-placeholder-value", "abcdefghijklmnopqrstuvwx", "00000000000000000000",
        "changeme_please",
        // A unit of 12 written again and again; letters each written four times, counting.
        "abcdef123456abcdef123456abcdef123456", "aaaabbbbccccddddeeeeffffgggghhhh",
        // The word in the password's place (postgresql://user:secret@..., Password=password).
        "secret", "Password", "pwd", "user", "SOME_PASSWORD",
        // One character throughout, A too when it is most of the value.
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    INFO(value);
    CHECK(LooksLikePlaceholder(value));
  }
  // Past 256 characters (key material) only words and counting runs tell a placeholder:
  // the alphabet written out does, a base64 body's repeated A's and units do not.
  CHECK(LooksLikePlaceholder("abcdefghijklmnopqrstuvwxyz" + std::string(300, 'Q')));
  CHECK_FALSE(LooksLikePlaceholder("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB" +
                                   std::string(100, '/') + std::string(150, 'Z')));
  // A Twitter bearer token starts with twenty A's (zero bytes): not a run while they are less
  // than half of it.
  CHECK_FALSE(
      LooksLikePlaceholder("AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI"
                           "%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F"));
  for (const char* value : {"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", "AKIAVQJXXVBOTHD2WTFL",
                            "4qHOXHlpaBqCefuv2FSJghB6hRLeos47wGJkcU/0", "9f3c2e7ab1d04c6e",
                            // Letters and digits run separately: 3456789a is no run of 8.
                            "q3456789abZ",
                            // A stand-in word only counts as the whole value.
                            "secret-Qm7vK2xR9pL4", "pass123", "admin", "GITHUB_TOKEN"}) {
    INFO(value);
    CHECK_FALSE(LooksLikePlaceholder(value));
  }
}

TEST_CASE("the placeholder test does not take random tokens for placeholders",
          "[evaluate][secrets][confidence]") {
  // 20,000 random tokens of 16 to 64 characters from base62 and from lower-case hex: the
  // test's signs (runs, periods, words) must not show up by chance.
  std::mt19937 random(18);
  const std::string base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const std::string hex = "0123456789abcdef";
  int placeholders = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string& alphabet = i % 2 == 0 ? base62 : hex;
    std::string token(16 + static_cast<std::size_t>(random() % 49), ' ');
    for (char& c : token) c = alphabet[random() % alphabet.size()];
    if (LooksLikePlaceholder(token)) {
      ++placeholders;
      UNSCOPED_INFO(token);
    }
  }
  CHECK(placeholders == 0);
}

TEST_CASE("GitHub's base62 CRC32 checksum", "[evaluate][secrets][confidence]") {
  using policy::TokenChecksum;
  CHECK(ChecksumHolds(TokenChecksum::kBase62Crc32, kValidGhp));
  // One character of the random part changed: the checksum no longer holds.
  CHECK_FALSE(
      ChecksumHolds(TokenChecksum::kBase62Crc32, "ghp_Qm7vK2xR9pL4tW8zN1cB6hJ3dF51G02Qyl3L"));
  CHECK_FALSE(
      ChecksumHolds(TokenChecksum::kBase62Crc32, "ghp_Lz4rT8wQ1mX6kP9vB3nH7cJ2fD5gS0aB3dE9"));
  // Too short to carry one.
  CHECK_FALSE(ChecksumHolds(TokenChecksum::kBase62Crc32, "ghp_abc"));
  CHECK_FALSE(ChecksumHolds(TokenChecksum::kBase62Crc32, ""));
  CHECK(ChecksumHolds(TokenChecksum::kNone, "anything"));
}

TEST_CASE("every secrets finding carries its confidence, and low ones warn at most",
          "[evaluate][secrets][confidence]") {
  SECTION("a prefix only one provider issues: high, decided by severity") {
    const auto findings = Scan("key = dmo_Q7fK2pLm9XwB4nRt6YvH8sJd\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].confidence == core::Confidence::kHigh);
    CHECK_FALSE(findings[0].decision_cap.has_value());
  }
  SECTION("a checksum that holds: high") {
    const auto findings = Scan(std::string("token: ") + kValidGhp + "\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].confidence == core::Confidence::kHigh);
    CHECK(findings[0].message == "Demo checked token found");
  }
  SECTION("a checksum that fails: low, said so, and capped at warn by the policy") {
    const auto findings = Scan("token: ghp_Lz4rT8wQ1mX6kP9vB3nH7cJ2fD5gS0aB3dE9\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].confidence == core::Confidence::kLow);
    CHECK_THAT(findings[0].message, Catch::Contains("checksum does not hold"));
    CHECK(findings[0].decision_cap == core::Decision::kWarn);
  }
  SECTION("a placeholder-like value: low even for a provider's prefix") {
    const auto findings = Scan("key = dmo_abcdefghijklmnopqrstuvwx\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].confidence == core::Confidence::kLow);
    CHECK(findings[0].decision_cap == core::Decision::kWarn);
  }
  SECTION("a generic rule: low by default") {
    const auto findings = Scan("secret = \"Zq8#rT2!mW9@kP4$\"\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].confidence == core::Confidence::kLow);
  }
}

TEST_CASE("a rule's confidence and checksum are checked when the pack loads",
          "[evaluate][secrets][confidence]") {
  const std::pair<const char*, const char*> cases[] = {
      {"confidence: sure",
       "test.yaml:10:21: controls.secrets.rules[0] (x).confidence: "
       "confidence must be high, medium or low, not 'sure'"},
      {"checksum: crc64",
       "test.yaml:10:19: controls.secrets.rules[0] (x).checksum: unknown "
       "checksum 'crc64' (known: base62-crc32)"}};
  for (const auto& [bad, said] : cases) {
    auto policy = policy::LoadPolicy(
        std::string("version: 1\ncontrols:\n  secrets:\n    rule_packs: []\n    rules:\n"
                    "      - id: x\n        description: X\n        severity: high\n"
                    "        regex: 'x_[a-z]{9}'\n        ") +
            bad + "\n",
        "test.yaml", [](const std::string& p) {
          return core::Result<std::string>(
              core::MakeError(core::ErrorCode::kIo, "no files in this test", p));
        });
    INFO(bad);
    REQUIRE_FALSE(policy.has_value());
    CHECK_THAT(policy.error().message, Catch::Contains(said));
  }
  auto caps = policy::LoadPolicy(
      "version: 1\ncontrols:\n  secrets:\n    max_decision:\n      lowish: warn\n", "test.yaml",
      [](const std::string& p) {
        return core::Result<std::string>(
            core::MakeError(core::ErrorCode::kIo, "no files in this test", p));
      });
  REQUIRE_FALSE(caps.has_value());
  CHECK_THAT(caps.error().message, Catch::Contains("controls.secrets.max_decision.lowish"));
}

}  // namespace riskgate::evaluate::secrets
