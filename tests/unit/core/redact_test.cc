// Issue 16: every printed string passes through core::RedactSecrets; these are the shapes of
// credentials it must mask and the ordinary text it must leave alone. Tokens are assembled at
// run time so that no source file holds one.
#include <catch2/catch.hpp>

#include "core/redact.h"

namespace riskgate::core {
namespace {

std::string GithubToken() { return std::string("ghp_") + "R8fK2mQ9xL4vT7wZ1bN6cH3jP5sD0g3PgBH7"; }
std::string GitlabToken() { return std::string("glpat-") + "Qx7vLm2Rk9TzW4bN8cHd"; }

// The redacted text keeps no more of `secret` than its first four characters.
void CheckMasked(const std::string& text, const std::string& secret) {
  const std::string out = RedactSecrets(text);
  INFO(out);
  CHECK(out.find(secret) == std::string::npos);
  CHECK(out.find(secret.substr(0, 8)) == std::string::npos);
  CHECK(HoldsSecret(text));
}

}  // namespace

TEST_CASE("redaction masks a token in the userinfo of a URL", "[core][redact]") {
  const std::string token = GithubToken();
  CheckMasked("npm install git+https://" + token + "@github.com/o/r.git", token);
  CheckMasked("gem install https://" + token + "@rubygems.example/g.gem", token);
  CheckMasked(
      "pip install https://deploy:" + std::string("hunter2-") + "very-secret@pypi.example/simple/p",
      "hunter2-very-secret");
  CheckMasked("include: {remote: 'https://oauth2:" + GitlabToken() + "@gitlab.example/ci.yml'}",
              GitlabToken());
  CHECK(RedactSecrets("ssh://git@github.com/o/r.git") == "ssh://git@github.com/o/r.git");
  CHECK(RedactSecrets("https://${TOKEN}@github.com/o/r") == "https://${TOKEN}@github.com/o/r");
}

TEST_CASE("redaction masks the values of auth-like headers", "[core][redact]") {
  const std::string secret = std::string("s3cr3t") + "-value-of-the-header";
  CheckMasked("curl -H \"Authorization: Bearer " + secret + "\" https://x", secret);
  CheckMasked("curl -H 'PRIVATE-TOKEN: " + secret + "' https://x", secret);
  CheckMasked("curl --header \"X-Api-Key:" + secret + "\"", secret);
  CheckMasked("curl -u admin:" + secret + " https://x", secret);
  CHECK(RedactSecrets("curl -H \"Authorization: Bearer $TOKEN\" https://x") ==
        "curl -H \"Authorization: Bearer $TOKEN\" https://x");
}

TEST_CASE("redaction masks token-like parameters and assignments", "[core][redact]") {
  const std::string secret = std::string("abc123") + "def456ghi";
  CheckMasked("curl https://x/api?access_token=" + secret + "&page=2", secret);
  CheckMasked("wget https://x/f?private_token=" + secret, secret);
  CheckMasked("tool --password=" + secret, secret);
  CheckMasked("export DEPLOY_TOKEN=" + secret, secret);
  CHECK(RedactSecrets("env GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}") ==
        "env GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}");
  CHECK(RedactSecrets("https://x/api?page=2&per_page=100") == "https://x/api?page=2&per_page=100");
}

TEST_CASE("redaction masks known token shapes anywhere in a string", "[core][redact]") {
  const std::string token = GithubToken();
  CheckMasked("config/" + token + "/notes.txt", token);
  // In a path only the token goes: the folders around it stay readable.
  CHECK(RedactSecrets("deploy/" + token + "/notes.txt") == "deploy/ghp_.../notes.txt");
  const std::string base64_key =
      std::string("MIIEpAIBAAKCAQEA7vQ2mX9p/L4kR8tZ1wN6cB3") + "jH5sD0gY8/aE2uF7qV9xK4mT1p";
  CheckMasked("key " + base64_key, base64_key);
  CheckMasked("add token " + token + " for CI", token);
  CheckMasked(std::string("AKIA") + "Z7QF3LMX2PKV9TRW", std::string("AKIA") + "Z7QF3LMX2PKV9TRW");
  CheckMasked(std::string("sk_live_") + "51Hq8ZpL2mT7vW4xK9bN3cR6",
              std::string("sk_live_") + "51Hq8ZpL2mT7vW4xK9bN3cR6");
  const std::string key_line =
      std::string("MIIEpAIBAAKCAQEA7vQ2mX9pL4kR8tZ1wN6cB3") + "jH5sD0gY8aE2uF7qV9xK4mT1p";
  CheckMasked("key: " + key_line, key_line);
  // What the secrets control already printed stays as it is.
  CHECK(RedactSecrets("ghp_...") == "ghp_...");
  CHECK(RedactSecrets(RedactSecrets("x " + token)) == RedactSecrets("x " + token));
}

TEST_CASE("redaction masks a token shape glued to a name by an underscore or a dash",
          "[core][redact]") {
  const std::string key = std::string("AKIA") + "Z7QF3LMX2PKV9TRW";
  // An environment variable riskgate names after an input whose name is a key.
  CheckMasked("env:\n  INPUTS_" + key + ": ${{ inputs.x }}", key);
  CheckMasked("folder my-" + GithubToken() + "/action.yml", GithubToken());
  // Names that merely contain a shape's letters stay.
  CHECK(RedactSecrets("MY_AKIA_NAME and x-sk-short") == "MY_AKIA_NAME and x-sk-short");
}

TEST_CASE("redaction leaves ordinary text, paths, commit ids and fingerprints alone",
          "[core][redact]") {
  for (const std::string text :
       {"actions/checkout@1e60f620b9541d16bece96c5ae7e4f5a8d4a5a36 # v4.0.3",
        "src/evaluate/pins/shell_downloads.cc:12: curl | sh",
        "fingerprint 0123456789abcdef0123456789abcdef",
        "uses: actions/checkout@v4 is a mutable tag: pin it to a commit SHA",
        "tests/hostile/cases/LeakTokenInPathName2Example.sh",
        "src/test/java/TestCase2024SomethingVeryLong.java",
        "app/MyComponent2Factory3Builder.kt AbstractSingletonProxyFactoryBean2x",
        "controls.reviews.forge.github_api_url must be an https URL"}) {
    CHECK(RedactSecrets(text) == text);
    CHECK_FALSE(HoldsSecret(text));
  }
}

}  // namespace riskgate::core
