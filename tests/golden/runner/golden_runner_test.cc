// The golden runner's own checks: the normalisation replaces only what varies between runs, and
// the redaction oracle sees a planted secret whole or in part but not its redacted form.
#include <catch2/catch.hpp>

#include "golden/runner/golden_output.h"
#include "support/temp_repo.h"

namespace riskgate::testing {

TEST_CASE(
    "the golden normalisation replaces temporary paths, the version, the stop token and "
    "durations, nothing else",
    "[golden][runner]") {
  const std::string& version = RiskgateVersion();
  const std::string raw = "riskgate " + version +
                          ": judging staged changes\n"
                          "policy: /tmp/riskgate-test.Ab12/.riskgate.yaml\n"
                          "- **Policy:** /tmp/riskgate\\-test.Ab12/.riskgate.yaml\n"
                          "{\"name\": \"riskgate\",\n  \"version\": \"" +
                          version +
                          "\"}\n"
                          "::stop-commands::0123abcd\nBLOCK a.py:3:11 rule [high]\n::0123abcd::\n"
                          "\"seconds\": 0.0698, \"time\": 1796359125, \"version\": \"2.1.0\"\n";
  const std::string normal = NormaliseGoldenOutput(
      raw, {{"/tmp/riskgate-test.Ab12", "<repo>"}, {"/tmp/riskgate\\-test.Ab12", "<repo>"}});
  CHECK(normal ==
        "riskgate <version>: judging staged changes\n"
        "policy: <repo>/.riskgate.yaml\n"
        "- **Policy:** <repo>/.riskgate.yaml\n"
        "{\"name\": \"riskgate\",\n  \"version\": \"<version>\"}\n"
        "::stop-commands::<stop-token>\nBLOCK a.py:3:11 rule [high]\n::<stop-token>::\n"
        "\"seconds\": \"<duration>\", \"time\": 1796359125, \"version\": \"2.1.0\"\n");
}

TEST_CASE("the golden redaction oracle finds a planted secret whole or in part, not redacted",
          "[golden][runner]") {
  const std::string secret = FakeGithubToken();
  const std::vector<std::string> secrets = {secret};
  CHECK(SecretsShown("token " + secret + "\n", secrets).size() == 1);
  CHECK(SecretsShown("tail " + secret.substr(10, 14) + "\n", secrets).size() == 1);
  CHECK(SecretsShown("GitHub personal access token found: ghp_...\n", secrets).empty());
  CHECK(SecretsShown("fingerprint cef15acae166a989eecc4fdb4003c9a2\n", secrets).empty());
}

}  // namespace riskgate::testing
