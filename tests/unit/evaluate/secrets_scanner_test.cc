#include <catch2/catch.hpp>

#include "core/text.h"
#include "evaluate/evaluate.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "policy/policy.h"
#include "unit/evaluate/policy_text.h"

namespace riskgate::evaluate::secrets {
namespace {

const char* kRules = R"yaml(    rule_packs: []
    rules:
      - id: demo-token
        description: Demo token
        provider: Demo
        severity: high
        regex: '\b(demo_[A-Za-z0-9]{20})\b'
        keywords: [demo_]
        entropy: 3.0
        allowlist:
          stopwords: [example]
          paths: ['^fixtures/']
      - id: demo-assignment
        description: Demo assignment
        severity: medium
        regex: 'secret\s*=\s*"([^"]{8,})"'
        keywords: [secret]
        tags: [generic]
)yaml";

std::vector<core::Finding> ScanText(const policy::Policy& policy, const std::string& text,
                                    const std::string& path = "app.py", int first_line = 1,
                                    ScanStats* stats_out = nullptr) {
  SecretsScanner scanner(policy.secrets);
  ScanStats stats;
  auto findings = scanner.Scan(collect::Fragment{path, std::nullopt, first_line, text}, stats);
  if (stats_out != nullptr) *stats_out = stats;
  return findings;
}

const std::string kToken = std::string("demo_") + "Q7xK2pL9mZ4vB8nR1tW6";

}  // namespace

TEST_CASE("a matching secret yields a located, redacted, fingerprinted finding", "[evaluate]") {
  auto policy = PolicyWith(kRules);
  auto findings = ScanText(policy, "first line\nkey = " + kToken + "\n", "src/app.py", 10);
  REQUIRE(findings.size() == 1);
  const auto& f = findings[0];
  CHECK(f.control == "secrets");
  CHECK(f.rule == "demo-token");
  CHECK(f.location.path == "src/app.py");
  CHECK(f.location.line == 11);
  CHECK(f.location.column == 7);
  CHECK(f.secret == "demo...");
  CHECK(f.secret.find(kToken) == std::string::npos);
  CHECK(f.fingerprint == SecretFingerprint("demo-token", "src/app.py", kToken));
  CHECK(f.fingerprint.find(kToken) == std::string::npos);
  CHECK(f.hints.provider == "Demo");
}

TEST_CASE("the fingerprint does not change when the secret moves to another line", "[evaluate]") {
  auto policy = PolicyWith(kRules);
  auto before = ScanText(policy, "key = " + kToken);
  auto after = ScanText(policy, "\n\n\n# moved\nkey = " + kToken);
  REQUIRE(before.size() == 1);
  REQUIRE(after.size() == 1);
  CHECK(before[0].location.line != after[0].location.line);
  CHECK(before[0].fingerprint == after[0].fingerprint);
}

TEST_CASE("entropy, stopwords and allowlisted paths drop candidates", "[evaluate]") {
  auto policy = PolicyWith(kRules);
  CHECK(ScanText(policy, "x = demo_aaaaaaaaaaaaaaaaaaaa").empty());
  CHECK(ScanText(policy, "x = demo_EXAMPLEq7xK2pL9mZ4vB").empty());
  CHECK(ScanText(policy, "x = " + kToken, "fixtures/tokens.txt").empty());
}

TEST_CASE("rules whose keywords are absent do not run", "[evaluate]") {
  auto policy = PolicyWith(kRules);
  ScanStats stats;
  ScanText(policy, "nothing to see here\n", "a.txt", 1, &stats);
  CHECK(stats.rule_runs == 0);
  ScanText(policy, "DEMO_ is mentioned\n", "a.txt", 1, &stats);
  CHECK(stats.rule_runs == 1);
}

TEST_CASE("regexes compiled ahead on every core leave every finding as it was", "[evaluate]") {
  const std::string text = "key = " + kToken + "\nsecret = \"hunter2hunter2\"\nplain\n";
  auto reference = PolicyWith(kRules);
  auto policy = PolicyWith(kRules);
  SecretsScanner scanner(policy.secrets);
  // Both rules' keywords occur: both are compiled ahead, one per core where there are two.
  scanner.CompileAhead({std::string_view(text), std::string_view("nothing here")});
  ScanStats stats;
  auto findings = scanner.Scan(collect::Fragment{"app.py", std::nullopt, 1, text}, stats);
  auto expected = ScanText(reference, text);
  REQUIRE(findings.size() == 2);
  REQUIRE(findings.size() == expected.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CHECK(findings[i].rule == expected[i].rule);
    CHECK(findings[i].fingerprint == expected[i].fingerprint);
    CHECK(findings[i].location.line == expected[i].location.line);
  }
  CHECK(stats.rule_runs == 2);
}

TEST_CASE("a span: near rule reads only the lines near its keywords, span: file reads all",
          "[evaluate]") {
  const auto rules = [](const std::string& span) {
    return std::string(
               "    rule_packs: []\n    rules:\n      - id: near-token\n"
               "        description: Near token\n        severity: high\n"
               "        regex: '(?:deploy_key|dk)\\s*[:=]\\s*([A-Za-z0-9]{24})'\n"
               "        keywords: [deploy_key]\n        span: ") +
           span + "\n";
  };
  const auto near = PolicyWith(rules("near"));
  const auto file = PolicyWith(rules("file"));
  const std::string value = "Qm7Zt2Kx9Pw4Lr8Vn3Bc6Hd1";
  std::string lines;
  for (int i = 0; i < 40; ++i) lines += "filler line " + std::to_string(i) + "\n";  // 600 bytes
  // The keyword is the match's own: found with either span, at the same place.
  const std::string own = lines + "deploy_key = " + value + "\n" + lines;
  const auto a = ScanText(near, own);
  const auto b = ScanText(file, own);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].location.line == 41);
  CHECK(a[0].location.column == b[0].location.column);
  // Three lines away the keyword still counts; 40 lines and 600 bytes away only the whole-file
  // span sees it.
  CHECK(ScanText(near, "# deploy_key below\n\n\ndk: " + value + "\n").size() == 1);
  // (The file is long enough that the windows are not most of it: then one pass reads it all.)
  const std::string far = "# deploy_key below\n" + lines + "dk: " + value + "\n" + lines + lines;
  CHECK(ScanText(near, far).empty());
  CHECK(ScanText(file, far).size() == 1);
  // A span the loader does not know is an error naming the field.
  auto bad = policy::LoadPolicy(
      "version: 1\ncontrols:\n  secrets:\n" + rules("nearby"), "t.yaml", [](const std::string& p) {
        return core::Result<std::string>(core::MakeError(core::ErrorCode::kIo, "no files", p));
      });
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("unknown span 'nearby'") != std::string::npos);
}

TEST_CASE("riskgate:allow on the line suppresses a finding and is counted", "[evaluate]") {
  auto policy = PolicyWith(kRules);
  ScanStats stats;
  auto findings =
      ScanText(policy, "key = " + kToken + "  # riskgate:allow test fixture\n", "a.py", 1, &stats);
  CHECK(findings.empty());
  CHECK(stats.suppressed_inline == 1);
}

TEST_CASE("a policy that forbids inline suppressions ignores riskgate:allow", "[evaluate]") {
  auto policy = PolicyWith(std::string(kRules) + "    inline_suppressions: forbid\n");
  ScanStats stats;
  auto findings = ScanText(policy, "key = " + kToken + "  # riskgate:allow\n", "a.py", 1, &stats);
  CHECK(findings.size() == 1);
  CHECK(stats.inline_ignored == 1);
  CHECK(stats.suppressed_inline == 0);
}

TEST_CASE("a generic finding of a secret a specific rule found on that line is dropped",
          "[evaluate]") {
  auto policy = PolicyWith(kRules);
  auto findings = ScanText(policy, "secret = \"" + kToken + "\"\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "demo-token");
  auto generic_only = ScanText(policy, "secret = \"hunter2hunter2\"\n");
  REQUIRE(generic_only.size() == 1);
  CHECK(generic_only[0].rule == "demo-assignment");
}

TEST_CASE("a global allowlist applies to every rule", "[evaluate]") {
  auto policy = PolicyWith(std::string(kRules) + "    allowlist:\n      paths: ['\\.md$']\n");
  CHECK(ScanText(policy, "key = " + kToken, "README.md").empty());
  CHECK(ScanText(policy, "key = " + kToken, "README.txt").size() == 1);
}

TEST_CASE("the same secret in several commits folds into one finding", "[evaluate]") {
  core::Finding a;
  a.fingerprint = "f1";
  a.location.commit = "c1";
  a.location.line = 3;
  core::Finding b = a;
  b.location.commit = "c2";
  core::Finding net = a;
  net.location.commit.reset();
  core::Finding other_line = a;
  other_line.location.line = 9;
  auto folded = FoldRepeats({a, other_line, b, net});
  REQUIRE(folded.size() == 2);
  CHECK(folded[0].occurrences == 3);
  CHECK(folded[0].location.commit == "c1");
  CHECK(folded[1].location.line == 9);
}

TEST_CASE(
    "a finding is located at its secret, even when the pattern's context starts a line "
    "earlier, so a generic rule stays shadowed",
    "[evaluate][issue6]") {
  auto policy = PolicyWith(R"yaml(    rule_packs: []
    rules:
      - id: demo-token
        description: Demo token
        severity: high
        regex: '\b(demo_[A-Za-z0-9]{20})\b'
        keywords: [demo_]
      - id: demo-generic
        description: Generic assignment
        severity: medium
        regex: '(?:^|[^a-z])token\s*=\s*([a-z0-9_]{16,})'
        keywords: [token]
        tags: [generic]
)yaml");
  auto findings = ScanText(policy, "a=1\ntoken = " + kToken + "\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "demo-token");
  CHECK(findings[0].location.line == 2);
  CHECK(findings[0].location.column == 9);
}

// Where the rule prefilter serves it is asked before the keywords are looked for: a context
// that holds keywords but nothing a rule may match is done after that one pass; one that holds
// a new block reports it, with or without the prefilter.
TEST_CASE("a whole-file context reports only new secrets that span several lines", "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  const std::string body = std::string("Q7xK2pL9mZ4vB8nR1tW6") + "aB3cD4";
  const std::string base = "old " + kToken + "\nBEGIN DEMO\nEND DEMO\n";
  for (const bool serving : {false, true}) {
    INFO("prefilter serving: " << serving);
    SecretsScanner scanner(policy.secrets);
    if (serving) scanner.ExpectText(std::size_t{1} << 40);
    ScanStats stats;
    collect::Fragment context{"key.txt", std::nullopt, 1,
                              "old " + kToken + "\nBEGIN DEMO\n" + body + "\nEND DEMO\n"};
    context.kind = collect::FragmentKind::kContext;
    context.prior = {std::make_shared<const std::string>(base)};
    auto findings = scanner.Scan(context, stats);
    // The block is new; the single-line token on an untouched line is not reported.
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "demo-block");
    CHECK(findings[0].location.line == 2);
    CHECK(findings[0].fingerprint ==
          SecretFingerprint("demo-block", "key.txt", "BEGIN DEMO\n" + body));
    // A block that one prior version already had is not new.
    context.prior = {std::make_shared<const std::string>(base),
                     std::make_shared<const std::string>(context.text)};
    CHECK(scanner.Scan(context, stats).empty());

    ScanStats quiet;
    collect::Fragment mentions{"notes.txt", std::nullopt, 1,
                               "begin demo, then demo_ and short\nBEGIN DEMO\nshort\n"};
    mentions.kind = collect::FragmentKind::kContext;
    mentions.prior = {std::make_shared<const std::string>("")};
    CHECK(scanner.Scan(mentions, quiet).empty());
    // Both keywords occur: without the prefilter both rules run, with it neither.
    CHECK(quiet.rule_runs == (serving && LazyHyperscan::Available() ? 0 : 2));
  }
}

TEST_CASE(
    "where the rule prefilter serves, rules whose keyword occurs but pattern cannot match "
    "do not run, and every finding stays",
    "[evaluate]") {
  auto policy = PolicyWith(kRules);
  SecretsScanner scanner(policy.secrets);
  const auto scan = [&](const std::string& text, ScanStats& stats) {
    return scanner.Scan(collect::Fragment{"app.py", std::nullopt, 1, text}, stats);
  };
  const std::string keyword_only = "DEMO_ is mentioned, secret too\n";
  const std::string matching = "secret = \"hunter2hunter2\"\nkey = " + kToken + "\n";
  // Base64 of `key = <token>`: found in the decoded text, whose pass is prefiltered too.
  const std::string encoded =
      "blob: " + core::Base64Encode("key = " + kToken + " and more words") + "\n";
  ScanStats before;
  scan(keyword_only, before);
  CHECK(before.rule_runs == 2);
  const auto found_before = scan(matching, before);
  const auto decoded_before = scan(encoded, before);
  REQUIRE(found_before.size() == 2);
  REQUIRE(decoded_before.size() == 1);

  scanner.ExpectText(std::size_t{1} << 40);  // a full audit's announcement: the prefilter serves
  ScanStats after;
  scan(keyword_only, after);
  // Without Hyperscan the prefilter never serves and every candidate still runs.
  CHECK(after.rule_runs == (LazyHyperscan::Available() ? 0 : 2));
  const auto found_after = scan(matching, after);
  const auto decoded_after = scan(encoded, after);
  REQUIRE(found_after.size() == 2);
  REQUIRE(decoded_after.size() == 1);
  for (std::size_t i = 0; i < found_after.size(); ++i) {
    CHECK(found_after[i].fingerprint == found_before[i].fingerprint);
    CHECK(found_after[i].location.line == found_before[i].location.line);
  }
  CHECK(decoded_after[0].fingerprint == decoded_before[0].fingerprint);
}

}  // namespace riskgate::evaluate::secrets
