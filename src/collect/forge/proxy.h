// Stage 1 (collect): the proxy a forge request goes through, as curl reads HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY (cpp-httplib reads none of them). Credentials in the proxy URL
// (https://user:pa%40ss@proxy:port, percent-encoded) go to the proxy as Basic auth and are never
// shown: the proxy is named scheme://host:port.
#pragma once

#include <string>

namespace riskgate::collect::forge {

struct ProxySettings {
  std::string shown;  // scheme://host:port, for messages; "" for no proxy
  std::string host;
  int port = 0;
  std::string user;  // percent-decoded
  std::string password;
};

// The proxy for a request to `host` (https or not), or an empty ProxySettings for none.
ProxySettings ProxyFor(const std::string& host, bool https);

// The status `proxy` answers a CONNECT to `target` (host:port) with, asked on a connection of
// our own within `timeout_seconds`, or 0 when that cannot be learnt.
int ProxyConnectStatus(const ProxySettings& proxy, const std::string& target,
                       double timeout_seconds);

}  // namespace riskgate::collect::forge
