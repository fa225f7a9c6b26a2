// Issue 7, end to end: the forge client verifies TLS. A server whose certificate nobody trusts
// is refused (exit 2, nothing changed); trusting its CA through SSL_CERT_FILE lets the same
// request through. The server is a real HTTPS server on 127.0.0.1 with a certificate made here.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {

TEST_CASE("the forge client refuses a certificate it does not trust", "[e2e][forge][tls]") {
  TempDir certs;
  REQUIRE(MakeSelfSignedCert(certs.path(), "127.0.0.1", "IP:127.0.0.1"));
  FixtureServer server(certs.path() + "/cert.pem", certs.path() + "/key.pem");
  server.On("/repos/actions/checkout/commits/v4",
            nlohmann::json{{"sha", std::string(40, 'a')}}.dump());
  TempRepo repo;
  const std::string workflow = CommitCheckoutWorkflow(repo);
  std::map<std::string, std::string> env = {{"GITHUB_API_URL", server.url()},
                                            {"GITHUB_TOKEN", FakeGithubToken()},
                                            {"RISKGATE_GITHUB_TOKEN", ""},
                                            {"SSL_CERT_FILE", ""},
                                            {"SSL_CERT_DIR", ""}};
  const auto refused = repo.Riskgate({"fix", "pins"}, env);
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("not trusted"));
  CHECK(server.CountRequests("/repos/actions/checkout/commits/v4") == 0);
  std::ifstream unchanged(repo.path() + "/.github/workflows/ci.yml");
  CHECK(std::string(std::istreambuf_iterator<char>(unchanged), {}) == workflow);

  env["SSL_CERT_FILE"] = certs.path() + "/cert.pem";
  const auto trusted = repo.Riskgate({"fix", "pins"}, env);
  INFO(trusted.err);
  CHECK(trusted.exit_code == 0);
  CHECK(server.CountRequests("/repos/actions/checkout/commits/v4") == 1);
}

}  // namespace riskgate::testing
