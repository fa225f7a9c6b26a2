// Issue 19, end to end: an authenticated proxy. HTTPS_PROXY=http://user:pass@host:port (user
// and password percent-encoded) sends Proxy-Authorization: Basic to the proxy, and a proxy that
// refuses the credentials (407) gives a clear error that never prints them. The proxy is a real
// HTTP CONNECT proxy on 127.0.0.1, written here, in front of the HTTPS forge fixture server,
// which answers as forge.test (the proxy is only used for a host that is not a loopback one).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

// base64("ci-bot:p@ss:w rd")
const std::string kExpectedAuth = "Basic Y2ktYm90OnBAc3M6dyByZA==";

class ConnectProxy {
 public:
  ConnectProxy() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(listener_, 8) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~ConnectProxy() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  ConnectProxy(const ConnectProxy&) = delete;
  ConnectProxy& operator=(const ConnectProxy&) = delete;

  int port() const { return port_; }
  std::vector<std::string> authorizations() const {
    std::lock_guard lock(mutex_);
    return authorizations_;
  }
  int tunnels() const { return tunnels_; }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      Handle(client);
      ::close(client);
    }
  }

  static void Send(int fd, const std::string& text) {
    std::size_t sent = 0;
    while (sent < text.size()) {
      const auto n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  void Handle(int client) {
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 5000) <= 0) return;
      const auto n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0) return;
      head.append(buf, static_cast<std::size_t>(n));
    }
    std::string auth;
    std::string lower = head;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto at = lower.find("\r\nproxy-authorization:"); at != std::string::npos) {
      auto start = at + 22;
      while (start < head.size() && head[start] == ' ') ++start;
      auth = head.substr(start, head.find("\r\n", start) - start);
    }
    {
      std::lock_guard lock(mutex_);
      authorizations_.push_back(auth);
    }
    // CONNECT forge.test:PORT HTTP/1.1
    const auto colon = head.find(':');
    if (!head.starts_with("CONNECT forge.test:") || auth != kExpectedAuth) {
      // "Connection: close" deadlocked cpp-httplib 0.11: riskgate must not hang on it.
      Send(client,
           "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
           "realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    const int target_port = std::atoi(head.c_str() + colon + 1);
    const int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(target_port));
    if (::connect(upstream, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(upstream);
      Send(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    ++tunnels_;
    Send(client, "HTTP/1.1 200 Connection established\r\n\r\n");
    pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
    while (!stop_ && ::poll(fds, 2, 10000) > 0) {
      bool closed = false;
      for (int i = 0; i < 2; ++i) {
        if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
        const auto n = ::recv(fds[i].fd, buf, sizeof buf, 0);
        if (n <= 0) {
          closed = true;
          break;
        }
        Send(fds[1 - i].fd, std::string(buf, static_cast<std::size_t>(n)));
      }
      if (closed) break;
    }
    ::close(upstream);
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> tunnels_{0};
  mutable std::mutex mutex_;
  std::vector<std::string> authorizations_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("the forge client authenticates to a proxy named with credentials",
          "[e2e][forge][proxy]") {
  TempDir certs;
  REQUIRE(MakeSelfSignedCert(certs.path(), "forge.test", "DNS:forge.test"));
  FixtureServer server(certs.path() + "/cert.pem", certs.path() + "/key.pem");
  server.On("/repos/actions/checkout/commits/v4",
            nlohmann::json{{"sha", std::string(40, 'a')}}.dump());
  const std::string port = server.url().substr(server.url().rfind(':') + 1);
  ConnectProxy proxy;
  const std::string proxy_at = "127.0.0.1:" + std::to_string(proxy.port());
  TempRepo repo;
  const std::string workflow = CommitCheckoutWorkflow(repo);
  std::map<std::string, std::string> env = {{"GITHUB_API_URL", "https://forge.test:" + port},
                                            {"GITHUB_TOKEN", FakeGithubToken()},
                                            {"RISKGATE_GITHUB_TOKEN", ""},
                                            {"SSL_CERT_FILE", certs.path() + "/cert.pem"},
                                            {"SSL_CERT_DIR", ""},
                                            {"NO_PROXY", ""},
                                            {"no_proxy", ""},
                                            {"https_proxy", ""}};

  SECTION("a wrong password is refused with a clear error that does not print it") {
    env["HTTPS_PROXY"] = "http://ci-bot:Wr0ngPa%24%24word@" + proxy_at;
    const auto refused = repo.Riskgate({"fix", "pins"}, env);
    INFO(refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("407"));
    CHECK_THAT(refused.err, Catch::Contains("http://" + proxy_at));
    CHECK_THAT(refused.err, !Catch::Contains("Wr0ngPa"));
    CHECK_THAT(refused.err, !Catch::Contains("ci-bot"));
    CHECK_THAT(refused.out, !Catch::Contains("Wr0ngPa"));
    CHECK(proxy.tunnels() == 0);
    CHECK(server.CountRequests("/repos/actions/checkout/commits/v4") == 0);
    REQUIRE_FALSE(proxy.authorizations().empty());
    CHECK(proxy.authorizations().front().starts_with("Basic "));
    std::ifstream unchanged(repo.path() + "/.github/workflows/ci.yml");
    CHECK(std::string(std::istreambuf_iterator<char>(unchanged), {}) == workflow);
  }

  SECTION("the right percent-encoded credentials get through") {
    env["HTTPS_PROXY"] = "http://ci-bot:p%40ss%3Aw%20rd@" + proxy_at;
    const auto through = repo.Riskgate({"fix", "pins"}, env);
    INFO(through.err);
    CHECK(through.exit_code == 0);
    CHECK(proxy.tunnels() >= 1);
    REQUIRE_FALSE(proxy.authorizations().empty());
    for (const auto& sent : proxy.authorizations()) CHECK(sent == kExpectedAuth);
    CHECK(server.CountRequests("/repos/actions/checkout/commits/v4") == 1);
    CHECK_THAT(through.err, !Catch::Contains("p@ss"));
  }

  SECTION("the lowercase https_proxy is read too") {
    env["https_proxy"] = "http://ci-bot:p%40ss%3Aw%20rd@" + proxy_at;
    env["HTTPS_PROXY"] = "";
    const auto through = repo.Riskgate({"fix", "pins"}, env);
    INFO(through.err);
    CHECK(through.exit_code == 0);
    CHECK(proxy.tunnels() >= 1);
    CHECK(server.CountRequests("/repos/actions/checkout/commits/v4") == 1);
  }
}

}  // namespace riskgate::testing
