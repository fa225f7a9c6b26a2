// Issue 18: bounded decoding (base64, percent) in the secrets scanner, Kubernetes Secret
// manifests and keystore files.
#include <catch2/catch.hpp>

#include "core/text.h"
#include "evaluate/secrets/keystore.h"
#include "evaluate/secrets/kubernetes_secret.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/secrets/span_decoder.h"
#include "policy/policy.h"
#include "unit/evaluate/policy_text.h"

namespace riskgate::evaluate::secrets {
namespace {

const policy::Policy& DemoPolicy() {
  static const policy::Policy policy = PolicyWith(R"yaml(    rule_packs: []
    rules:
      - id: demo-token
        description: Demo token
        provider: Demo
        severity: high
        regex: '\b(demo_[A-Za-z0-9]{20})\b'
        keywords: [demo_]
      - id: demo-assignment
        description: Demo assignment
        severity: medium
        regex: 'secret\s*=\s*"?([A-Za-z0-9+/=_-]{8,})'
        keywords: [secret]
        tags: [generic]
)yaml");
  return policy;
}

const policy::Policy& DefaultPolicy() {
  static const policy::Policy policy = [] {
    auto p = policy::LoadDefaultPolicy();
    REQUIRE(p.has_value());
    return std::move(*p);
  }();
  return policy;
}

std::vector<core::Finding> Scan(const policy::Policy& policy, const std::string& text,
                                const std::string& path = "app.py",
                                collect::FragmentKind kind = collect::FragmentKind::kLines) {
  SecretsScanner scanner(policy.secrets);
  ScanStats stats;
  collect::Fragment fragment{path, std::nullopt, 1, text, kind};
  return scanner.Scan(fragment, stats);
}

std::vector<core::Finding> Of(const std::vector<core::Finding>& findings, std::string_view rule) {
  std::vector<core::Finding> out;
  for (const auto& f : findings) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

const std::string kToken = std::string("demo_") + "Q7xK2pL9mZ4vB8nR1tW6";
const std::string kBase64Token = "ZGVtb19RN3hLMnBMOW1aNHZCOG5SMXRXNg==";

}  // namespace

TEST_CASE("a base64-encoded token is found, located at the encoded span, and redacted",
          "[evaluate][decode]") {
  auto findings = Scan(DemoPolicy(), "first\nconfig: {\"blob\": \"" + kBase64Token + "\"}\n");
  REQUIRE(findings.size() == 1);
  const auto& f = findings[0];
  CHECK(f.rule == "demo-token");
  CHECK(f.location.line == 2);
  CHECK(f.location.column == 19);
  CHECK(f.message.find("base64-decoded") != std::string::npos);
  CHECK(f.secret.find("Q7xK") == std::string::npos);
  CHECK(f.fingerprint == SecretFingerprint("demo-token", "app.py", kToken));
  CHECK(f.content_id == SecretContentId("demo-token", kToken));
}

TEST_CASE("URL-safe unpadded base64 and percent-encoded spans are decoded", "[evaluate][decode]") {
  auto url_safe = Scan(DemoPolicy(), "x=a2V5PWRlbW9fUTd4SzJwTDltWjR2QjhuUjF0VzY_Pz4-");
  REQUIRE(Of(url_safe, "demo-token").size() == 1);
  CHECK(url_safe[0].location.column == 3);
  auto percent = Scan(DemoPolicy(), "https://h/cb?next=%64emo_Q7xK2pL9mZ4vB8nR1tW6%26a%3Db");
  REQUIRE(Of(percent, "demo-token").size() == 1);
  CHECK(percent[0].message.find("percent-decoded") != std::string::npos);
}

TEST_CASE("decoding is depth 1: base64 of base64 is not found", "[evaluate][decode]") {
  CHECK(Scan(DemoPolicy(), "v: WkdWdGIxOVJOM2hMTW5CTU9XMWFOSFpDT0c1U01YUlhOZz09").empty());
}

TEST_CASE("a secret found as written and encoded is one finding", "[evaluate][decode]") {
  auto findings = Scan(DemoPolicy(), kToken + "\n" + kBase64Token + "\n");
  CHECK(Of(findings, "demo-token").size() == 1);
  CHECK(findings[0].location.line == 1);
}

TEST_CASE("a generic finding on the encoded text gives way to the decoded provider finding",
          "[evaluate][decode]") {
  auto findings = Scan(DemoPolicy(), "secret = \"" + kBase64Token + "\"");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "demo-token");
}

TEST_CASE("decoding is bounded: short spans, binary, budget, huge runs", "[evaluate][decode]") {
  CHECK(DecodeSpans("aHVudGVyMnh5eiE=").spans.empty());  // 16 characters: too short
  const std::string as(1 << 20, 'A');
  CHECK(DecodeSpans(as).spans.empty());  // decodes to NUL bytes, and no entropy anyway
  DecodeLimits tiny;
  tiny.budget = 64;
  std::string many;
  for (int i = 0; i < 20; ++i) many += "cGFzc3dvcmQ6IFZxOHJUMm1LOXpMcA== ";
  auto decoded = DecodeSpans(many, tiny);
  CHECK(decoded.truncated);
  CHECK(decoded.text.size() <= 64);
  // A token at the end of a long base64 run is still found (the run is decoded in pieces).
  std::string filler;
  for (int i = 0; i < 2000; ++i) filler += "cGFzc3dvcmQ6IFZxOHJUMm1LOXpMcA";
  CHECK(
      Of(Scan(DemoPolicy(), filler + "ZGVtb19RN3hLMnBMOW1aNHZCOG5SMXRXNg"), "demo-token").size() <=
      1);
  CHECK(DecodeBase64("abc") == std::optional<std::string>("i\xb7"));
  CHECK_FALSE(DecodeBase64("abcde").has_value());
  CHECK(core::PercentDecoded("a%41%zz%4") == "aA%zz%4");
}

TEST_CASE("junk bytes around an encoded token do not hide it", "[evaluate][decode]") {
  // base64 of 40 binary bytes followed by the token.
  std::string bytes(40, '\x01');
  bytes += kToken;
  std::string encoded;
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    encoded += kAlphabet[(n >> 18) & 63];
    encoded += kAlphabet[(n >> 12) & 63];
    if (i + 1 < bytes.size()) encoded += kAlphabet[(n >> 6) & 63];
    if (i + 2 < bytes.size()) encoded += kAlphabet[n & 63];
  }
  CHECK(Of(Scan(DemoPolicy(), "blob: " + encoded), "demo-token").size() == 1);
}

TEST_CASE("a Kubernetes Secret's data values are decoded and judged", "[evaluate][kubernetes]") {
  const std::string manifest =
      "apiVersion: v1\n"
      "kind: Secret\n"
      "metadata:\n"
      "  name: db\n"
      "data:\n"
      "  username: YWRtaW4=\n"
      "  password: aHVudGVyMnh5eiE=\n"
      "  empty: \"\"\n"
      "  placeholder: Y2hhbmdlbWU=\n"
      "stringData:\n"
      "  api-token: Zx8Kp2Lm9Qw4Rt7Y\n"
      "  note: hello\n";
  auto findings = Of(Scan(DefaultPolicy(), manifest, "k8s/db.yaml"), "kubernetes-secret-data");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.line == 7);
  CHECK(findings[0].location.column == 13);
  CHECK(findings[0].message.find("'password'") != std::string::npos);
  CHECK(findings[0].message.find("base64-decoded") != std::string::npos);
  CHECK(findings[0].fingerprint ==
        SecretFingerprint("kubernetes-secret-data", "k8s/db.yaml", "hunter2xyz!"));
  CHECK(findings[1].location.line == 11);
  CHECK(findings[0].severity == core::Severity::kHigh);
}

TEST_CASE("Secrets in a List and in later documents are found, other kinds are not",
          "[evaluate][kubernetes]") {
  const std::string text =
      "kind: ConfigMap\ndata:\n  password: not-a-secret-here\n"
      "---\n"
      "apiVersion: v1\nkind: List\nitems:\n"
      "  - kind: Secret\n    data:\n      token: aHVudGVyMnh5eiE=\n";
  auto values = KubernetesSecretValues(text);
  REQUIRE(values.size() == 1);
  CHECK(values[0].line == 10);
  CHECK(values[0].key == "token");
}

TEST_CASE("a helm template is read line by line, never an error", "[evaluate][kubernetes]") {
  const std::string text =
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}\n"
      "{{- if .Values.x }}\ndata:\n  password: aHVudGVyMnh5eiE=\n"
      "  other: {{ .Values.other | b64enc }}\n{{- end }}\n";
  auto values = KubernetesSecretValues(text);
  REQUIRE(values.size() == 1);
  CHECK(values[0].line == 7);
  CHECK(values[0].value == "hunter2xyz!");
  CHECK(KubernetesSecretValues("kind: Secret\ndata: [\n  {{{\n").empty());
}

TEST_CASE("a Secret value a rule recognises is that rule's finding only",
          "[evaluate][kubernetes]") {
  // base64 of a GitHub classic token (synthetic): the GitHub rule reports it, decoded.
  const std::string text =
      "kind: Secret\ndata:\n  token: "
      "Z2hwX3dXbjVNcXBVZkRrUFJzSjJ4dTdnQjNYTjhRZkxhWlo0Y0ZwVA==\n";
  auto findings = Scan(DefaultPolicy(), text, "s.yaml");
  CHECK(Of(findings, "kubernetes-secret-data").empty());
}

TEST_CASE("keystores are told by magic bytes, else by name", "[evaluate][keystore]") {
  const std::string pkcs12("\x30\x82\x0a\x5b\x02\x01\x03\x30\x82\x0a\x21", 11);
  CHECK(KeystoreOf("cert.bin", pkcs12)->kind == KeystoreKind::kPkcs12);
  CHECK(KeystoreOf("cert.bin", pkcs12)->by_content);
  CHECK(KeystoreOf("a/b.jks", std::string("\xfe\xed\xfe\xed\0\0\0\2", 8))->kind ==
        KeystoreKind::kJks);
  CHECK(KeystoreOf("x", std::string("\xce\xce\xce\xce", 4))->kind == KeystoreKind::kJceks);
  CHECK(KeystoreOf("store.BKS", std::string("\0\0\0\2", 4))->kind == KeystoreKind::kBks);
  CHECK_FALSE(KeystoreOf("store.bks", "")->by_content);
  CHECK_FALSE(KeystoreOf("image.png", "\x89PNG\r\n\x1a\n").has_value());
  CHECK_FALSE(KeystoreOf("cert.der", std::string("\x30\x82\x01\x0a\x02\x82", 6)).has_value());

  std::vector<core::SkippedFile> skipped = {
      {"certs/client.p12", core::SkipReason::kBinary, std::nullopt, 2651, pkcs12},
      {"big/store.jks", core::SkipReason::kTooLarge, std::nullopt, 1 << 30, ""},
      {"logo.png", core::SkipReason::kBinary, std::nullopt, 10, "\x89PNG"},
      {"link.p12", core::SkipReason::kSymlink, std::nullopt, 10, ""}};
  auto findings = KeystoreFindings(skipped, DefaultPolicy().secrets);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "keystore-file");
  CHECK(findings[0].location.line == 0);
  CHECK(findings[0].severity == core::Severity::kHigh);
  CHECK(findings[0].message.find("PKCS#12") != std::string::npos);
  CHECK(findings[0].confidence == core::Confidence::kHigh);
  CHECK_FALSE(findings[0].hints.fix.empty());
  CHECK(findings[1].confidence == core::Confidence::kMedium);
  CHECK(ReportsKeystore(skipped[0], DefaultPolicy().secrets));
  CHECK_FALSE(ReportsKeystore(skipped[2], DefaultPolicy().secrets));
}

}  // namespace riskgate::evaluate::secrets

namespace riskgate::evaluate::secrets {

TEST_CASE("base64 wrapped at 76 characters is decoded across its line breaks",
          "[evaluate][decode]") {
  // base64 of 'lorem ipsum ' x5 then the demo token, wrapped as base64(1) wraps.
  const std::string text =
      "bG9yZW0gaXBzdW0gbG9yZW0gaXBzdW0gbG9yZW0gaXBzdW0gbG9yZW0gaXBzdW0gbG9yZW0gaXBz\n"
      "dW0gZGVtb19RN3hLMnBMOW1aNHZCOG5SMXRXNg==\n";
  auto findings = Scan(DemoPolicy(), "blob:\n" + text);
  REQUIRE(Of(findings, "demo-token").size() == 1);
  CHECK(findings[0].location.line == 2);
}

}  // namespace riskgate::evaluate::secrets
