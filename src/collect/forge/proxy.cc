#include "collect/forge/proxy.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>

#include "core/text.h"

namespace riskgate::collect::forge {

ProxySettings ProxyFor(const std::string& host, bool https) {
  const char* proxy = std::getenv(https ? "HTTPS_PROXY" : "HTTP_PROXY");
  if (proxy == nullptr) proxy = std::getenv(https ? "https_proxy" : "http_proxy");
  if (proxy == nullptr || *proxy == '\0') return {};
  const char* no_proxy = std::getenv("NO_PROXY");
  if (no_proxy == nullptr) no_proxy = std::getenv("no_proxy");
  if (no_proxy != nullptr) {
    std::string list = no_proxy;
    std::size_t pos = 0;
    while (pos <= list.size()) {
      auto end = list.find(',', pos);
      if (end == std::string::npos) end = list.size();
      std::string entry = list.substr(pos, end - pos);
      while (!entry.empty() && entry.front() == ' ') entry.erase(0, 1);
      while (!entry.empty() && entry.back() == ' ') entry.pop_back();
      if (entry == "*") return {};
      if (!entry.empty() && entry.front() == '.') entry.erase(0, 1);
      if (!entry.empty() && (host == entry || host.ends_with("." + entry))) {
        return {};
      }
      pos = end + 1;
    }
  }
  std::string p = proxy;
  std::string scheme = "http";
  if (auto sep = p.find("://"); sep != std::string::npos) {
    scheme = core::AsciiLower(p.substr(0, sep));
    p = p.substr(sep + 3);
  }
  p = p.substr(0, p.find_first_of("/?#"));
  std::string user;
  std::string password;
  if (auto at = p.rfind('@'); at != std::string::npos) {
    const std::string userinfo = p.substr(0, at);
    p = p.substr(at + 1);
    const auto colon = userinfo.find(':');
    user = core::PercentDecoded(userinfo.substr(0, colon));
    if (colon != std::string::npos) password = core::PercentDecoded(userinfo.substr(colon + 1));
  }
  const auto colon = p.rfind(':');
  const bool has_port = colon != std::string::npos && p.find(']', colon) == std::string::npos;
  const std::string proxy_host = has_port ? p.substr(0, colon) : p;
  const int port = has_port ? std::atoi(p.c_str() + colon + 1) : 80;
  if (proxy_host.empty() || port <= 0) return {};
  return ProxySettings{
      core::EscapeForDisplay(scheme + "://" + proxy_host + ":" + std::to_string(port)), proxy_host,
      port, user, password};
}

// cpp-httplib 0.11 deadlocks (for good: even stop() waits) when a proxy refuses a CONNECT with
// "Connection: close" or over HTTP/1.0, so a refusal is found here first and httplib is only
// handed a proxy that tunnels.
int ProxyConnectStatus(const ProxySettings& proxy, const std::string& target,
                       double timeout_seconds) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  std::string host = proxy.host;
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  if (::getaddrinfo(host.c_str(), std::to_string(proxy.port).c_str(), &hints, &found) != 0) {
    return 0;
  }
  int status = 0;
  for (addrinfo* at = found; at != nullptr && status == 0; at = at->ai_next) {
    const int fd = ::socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC, at->ai_protocol);
    if (fd < 0) continue;
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout_seconds);
    tv.tv_usec = static_cast<suseconds_t>((timeout_seconds - static_cast<double>(tv.tv_sec)) * 1e6);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (::connect(fd, at->ai_addr, at->ai_addrlen) == 0) {
      std::string request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
      if (!proxy.user.empty() || !proxy.password.empty()) {
        request += "Proxy-Authorization: Basic " +
                   core::Base64Encode(proxy.user + ":" + proxy.password) + "\r\n";
      }
      request += "\r\n";
      if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
        std::string line;
        char c = 0;
        while (line.size() < 256 && ::recv(fd, &c, 1, 0) == 1 && c != '\n') line += c;
        // HTTP/1.x NNN reason
        if (line.starts_with("HTTP/") && line.size() >= 12 && line[8] == ' ') {
          status = std::atoi(line.c_str() + 9);
        }
      }
    }
    ::close(fd);
  }
  ::freeaddrinfo(found);
  return status;
}

}  // namespace riskgate::collect::forge
