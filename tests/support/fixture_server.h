// Test support: a real HTTP server on 127.0.0.1 that answers GET requests from a script, for the
// forge API tests (GitHub and GitLab response shapes, pagination, faults). It records every
// request so tests can check what riskgate asked for and which credentials it sent.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace riskgate::testing {

struct FixtureResponse {
  int status = 200;
  std::string body;
  std::map<std::string, std::string> headers;
  double delay_seconds = 0;  // before answering (timeouts)
};

struct RecordedRequest {
  std::string target;  // path?query as sent
  std::string authorization;
  std::string private_token;
};

// Writes a self-signed certificate and its key, cert.pem and key.pem, into `dir` (openssl),
// for `common_name` with the subjectAltName `alt_name` ("DNS:forge.test", "IP:127.0.0.1").
bool MakeSelfSignedCert(const std::string& dir, const std::string& common_name,
                        const std::string& alt_name);

class FixtureServer {
 public:
  FixtureServer();
  // HTTPS with this certificate and key (PEM files).
  FixtureServer(const std::string& cert_path, const std::string& key_path);
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  // http://127.0.0.1:PORT, or https:// with a certificate
  std::string url() const;
  // Answers GET `target` (path and query, exactly) with `responses` in turn; the last repeats.
  void On(const std::string& target, std::vector<FixtureResponse> responses);
  void On(const std::string& target, const std::string& json_body);
  std::vector<RecordedRequest> requests() const;
  int CountRequests(const std::string& target) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace riskgate::testing
