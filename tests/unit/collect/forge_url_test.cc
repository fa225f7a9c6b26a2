// Issue 16: the forge client checks the host it connects to. A URL whose authority is not a
// plain host[:port] (userinfo, or a byte another parser could read as the end of the host) is
// refused, and plain http is accepted only for a loopback host, so a token never crosses the
// network in clear text or reaches a host the check did not see.
#include <catch2/catch.hpp>

#include "collect/forge/http_client.h"

namespace riskgate::collect::forge {

TEST_CASE("an API URL must name a plain host and use https off loopback", "[collect][forge]") {
  const auto create = [](const std::string& url) {
    return HttpClient::Create(url, "t", TokenStyle::kBearer, HttpOptions{}).has_value();
  };
  CHECK(create("https://api.github.com"));
  CHECK(create("https://ghe.example:8443/api/v3"));
  CHECK(create("http://127.0.0.1:8080"));
  CHECK(create("http://[::1]:8080/api"));
  for (const std::string url :
       {"http://api.example", "https://user:pw@api.github.com", "http://127.0.0.1#@evil.example/",
        "http://127.0.0.1?@evil.example/", "http://127.0.0.1\\@evil.example/",
        "http://127.0.0.1%2F@evil.example", "http://127.0.0.1.evil.example/",
        "https://api.github.com#.evil.example/", "ftp://api.github.com", "https:///x"}) {
    INFO(url);
    CHECK_FALSE(create(url));
  }
  CHECK(IsLoopbackHttp("http://localhost:1"));
  CHECK_FALSE(IsLoopbackHttp("http://localhost.evil.example:1"));
}

}  // namespace riskgate::collect::forge
