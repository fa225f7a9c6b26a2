#include "collect/forge/http_client.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "collect/forge/forge_json.h"
#include "collect/forge/http_exchange.h"
#include "collect/forge/proxy.h"
#include "core/redact.h"
#include "core/text.h"

namespace riskgate::collect::forge {
namespace {

core::Error ForgeError(std::string message) {
  return core::Error{core::ErrorCode::kForge, std::move(message), ""};
}

struct ParsedUrl {
  std::string origin;  // scheme://host[:port]
  std::string prefix;  // path without a trailing '/'
  std::string host;
  bool https = false;
};

// host[:port] only: no userinfo, and no byte ('#', '?', '\\', '%', space) that another URL
// parser could read as the end of the host, so the host checked is the host connected to.
bool PlainAuthority(std::string_view authority) {
  return !authority.empty() && authority.find_first_not_of(
                                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "0123456789.-:[]") == std::string_view::npos;
}

core::Result<ParsedUrl> ParseUrl(const std::string& url) {
  ParsedUrl out;
  std::string rest;
  if (url.starts_with("https://")) {
    out.https = true;
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return tl::unexpected(
        ForgeError("API URL '" + core::EscapeForDisplay(url) + "' is not an http(s) URL"));
  }
  const auto slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  if (!PlainAuthority(authority)) {
    return tl::unexpected(ForgeError("API URL '" + core::EscapeForDisplay(url) +
                                     "' does not name a plain host[:port] (no credentials, no '#', "
                                     "'?' or '%' in it)"));
  }
  out.origin = url.substr(0, url.size() - rest.size()) + authority;
  out.prefix = slash == std::string::npos ? "" : rest.substr(slash);
  while (!out.prefix.empty() && out.prefix.back() == '/') out.prefix.pop_back();
  out.host = authority.starts_with('[') ? authority.substr(0, authority.find(']') + 1)
                                        : authority.substr(0, authority.find(':'));
  return out;
}

bool IsLoopbackHost(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

bool Retryable(int status) { return status == 429 || (status >= 500 && status <= 599); }

// How long the server asks us to wait (Retry-After seconds or HTTP-date, or GitHub's rate limit
// reset), if it says; the caller bounds it.
std::optional<double> ServerWait(const HttpResponse& response) {
  if (auto it = response.headers.find("retry-after"); it != response.headers.end()) {
    char* end = nullptr;
    const double seconds = std::strtod(it->second.c_str(), &end);
    if (end != it->second.c_str() && seconds >= 0) return seconds;
    // Or an HTTP-date (RFC 9110): "Wed, 21 Oct 2015 07:28:00 GMT".
    std::tm when{};
    const char* parsed = ::strptime(it->second.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &when);
    if (parsed != nullptr && *parsed == '\0') {
      const double at = static_cast<double>(::timegm(&when));
      const double now = static_cast<double>(std::time(nullptr));
      return at > now ? at - now : 0.0;
    }
  }
  auto remaining = response.headers.find("x-ratelimit-remaining");
  auto reset = response.headers.find("x-ratelimit-reset");
  if (remaining != response.headers.end() && remaining->second == "0" &&
      reset != response.headers.end()) {
    const double at = std::strtod(reset->second.c_str(), nullptr);
    const double now = static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(
                                               std::chrono::system_clock::now().time_since_epoch())
                                               .count());
    return at > now ? at - now : 0.0;
  }
  return std::nullopt;
}

// GitHub's rate limits answer 403 (or 429) with Retry-After or x-ratelimit-remaining: 0.
bool RateLimited(const HttpResponse& response) {
  if (response.status == 429) return true;
  return response.status == 403 && ServerWait(response).has_value();
}

// A short, printable excerpt of an error body: GitHub and GitLab put the reason in `message`.
// A server that echoes the token back (or any credential) never gets it printed.
std::string Excerpt(const std::string& body, const std::string& token) {
  std::string scrubbed = body;
  for (std::size_t at; !token.empty() && (at = scrubbed.find(token)) != std::string::npos;) {
    scrubbed.replace(at, token.size(), "[token]");
  }
  std::string text = scrubbed.substr(0, 200);
  if (auto pos = scrubbed.find("\"message\""); pos != std::string::npos) {
    text = scrubbed.substr(pos, 200);
  }
  return core::EscapeForDisplay(core::RedactSecrets(text));
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

struct HttpClient::Impl {
  ParsedUrl url;
  std::string token;
  TokenStyle style = TokenStyle::kBearer;
  HttpOptions options;
  std::string proxy;  // the last attempt's proxy, without credentials; "" for none

  // One attempt: a response (any status) or a transport error.
  core::Result<HttpResponse> Attempt(ExchangeFunction exchange, const std::string& path) {
    ExchangeRequest request;
    request.origin = url.origin;
    request.path = path;
    request.timeout_seconds = options.timeout_seconds;
    request.max_body_bytes = options.max_body_bytes;
    const ProxySettings via =
        IsLoopbackHost(url.host) ? ProxySettings{} : ProxyFor(url.host, url.https);
    request.proxy_host = via.host;
    request.proxy_port = via.port;
    request.proxy_user = via.user;
    request.proxy_password = via.password;
    proxy = via.shown;
    if (!via.shown.empty() && url.https) {
      // A proxy that refuses the tunnel (407, 403, ...) answers here, not through httplib.
      // host[:port] as in the API URL; httplib's CONNECT names the port always.
      const std::string authority = url.origin.substr(url.origin.find("://") + 3);
      const std::string target =
          authority.size() > url.host.size() ? authority : authority + ":443";
      const int status = ProxyConnectStatus(via, target, options.timeout_seconds);
      if (status != 0 && status != 200) {
        HttpResponse refused;
        refused.status = status;
        return refused;
      }
    }
    request.headers = {{"User-Agent", "riskgate"}, {"Accept", "application/json"}};
    if (!token.empty()) {
      if (style == TokenStyle::kBearer) {
        request.headers.emplace_back("Authorization", "Bearer " + token);
        request.headers.emplace_back("X-GitHub-Api-Version", "2022-11-28");
      } else {
        request.headers.emplace_back("PRIVATE-TOKEN", token);
      }
    }
    ExchangeOutcome outcome;
    exchange(request, outcome);
    switch (outcome.status) {
      case ExchangeStatus::kAnswered:
        return std::move(outcome.response);
      case ExchangeStatus::kTooBig:
        return tl::unexpected(ForgeError("the answer is larger than " +
                                         std::to_string(options.max_body_bytes) + " bytes"));
      case ExchangeStatus::kLate:
        // Headers never completed (a silent or trickling server) or the body came too slowly.
        return tl::unexpected(
            ForgeError((outcome.response.status == 0 ? "no answer within " : "timed out after ") +
                       Seconds(options.timeout_seconds)));
      case ExchangeStatus::kFailed:
        break;
    }
    std::string why = core::EscapeForDisplay(outcome.error);
    if (outcome.no_answer) why += " (no answer within " + Seconds(options.timeout_seconds) + ")";
    if (outcome.untrusted_certificate) {
      why +=
          ": the server's TLS certificate is not trusted (set SSL_CERT_FILE to the CA "
          "bundle that signs it)";
    }
    return tl::unexpected(ForgeError(why));
  }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl, std::string base_url)
    : impl_(std::move(impl)), base_url_(std::move(base_url)) {}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;
HttpClient::~HttpClient() = default;

bool IsLoopbackHttp(const std::string& url) {
  auto parsed = ParseUrl(url);
  return parsed && !parsed->https && IsLoopbackHost(parsed->host);
}

core::Result<HttpClient> HttpClient::Create(const std::string& base_url, std::string token,
                                            TokenStyle style, HttpOptions options) {
  auto url = ParseUrl(base_url);
  if (!url) return tl::unexpected(url.error());
  if (!url->https && !IsLoopbackHost(url->host)) {
    return tl::unexpected(ForgeError("refusing plain http to " + core::EscapeForDisplay(url->host) +
                                     ": a token would cross the network in clear text; use https"));
  }
  auto impl = std::make_unique<Impl>();
  impl->url = *url;
  impl->token = std::move(token);
  impl->style = style;
  impl->options = options;
  return HttpClient(std::move(impl), url->origin + url->prefix);
}

bool IsNotFound(const core::Error& error) {
  // Get's own words right after the request it names: the body it quotes further on is the
  // server's, and may say anything ("failed: HTTP 404" in a 500's body is no 404).
  static constexpr std::string_view kNotFound = " failed: HTTP 404";
  const std::size_t at = error.message.find(" failed");
  return error.code == core::ErrorCode::kForge && at != std::string::npos &&
         std::string_view(error.message).substr(at, kNotFound.size()) == kNotFound;
}

core::Result<HttpResponse> HttpClient::Get(const std::string& path) {
  const std::string full = impl_->url.prefix + path;
  const std::string shown = "GET " + base_url_ + core::EscapeForDisplay(path);
  const auto& options = impl_->options;
  // A module that is missing or from another build is not retried: it will not get better.
  auto exchange = LoadHttpExchange();
  if (!exchange) return tl::unexpected(ForgeError(shown + " failed: " + exchange.error().message));
  double backoff = options.first_backoff_seconds;
  std::string last;
  for (int attempt = 0;; ++attempt) {
    auto response = impl_->Attempt(*exchange, full);
    double wait = backoff;
    if (response) {
      if (response->status >= 200 && response->status <= 299) return response;
      last = "HTTP " + std::to_string(response->status);
      if (!response->body.empty()) last += " " + Excerpt(response->body, impl_->token);
      const bool limited = RateLimited(*response);
      if (!limited && !Retryable(response->status)) {
        std::string hint;
        if (response->status == 401) hint = " (the token is missing, expired or invalid)";
        if (response->status == 403) hint = " (the token lacks the permission this needs)";
        if (response->status == 404) {
          hint = " (not found, or the token may not see it)";
        }
        if (response->status == 407) {
          hint = impl_->proxy.empty()
                     ? " (a proxy asks for credentials)"
                     : " (the proxy " + impl_->proxy +
                           " refused the credentials: put user:password, percent-encoded, in "
                           "HTTPS_PROXY/HTTP_PROXY as http://user:password@host:port)";
        }
        return tl::unexpected(ForgeError(shown + " failed: " + last + hint));
      }
      if (auto asked = ServerWait(*response)) {
        if (*asked > options.max_retry_wait_seconds) {
          return tl::unexpected(ForgeError(shown + " was rate limited: " + last +
                                           "; the server asks to retry after " + Seconds(*asked) +
                                           ", more than the " +
                                           Seconds(options.max_retry_wait_seconds) + " allowed"));
        }
        wait = *asked;
      }
    } else {
      last = response.error().message;
      if (last.find("TLS certificate") != std::string::npos ||
          last.find("larger than") != std::string::npos) {
        return tl::unexpected(ForgeError(shown + " failed: " + last));
      }
    }
    if (attempt >= options.retries) {
      return tl::unexpected(ForgeError(shown + " failed after " + std::to_string(attempt + 1) +
                                       (attempt == 0 ? " attempt: " : " attempts: ") + last));
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    backoff = std::min(backoff * 2, options.max_retry_wait_seconds);
  }
}

namespace {

// `path` with its `page` query parameter set to `number`.
std::string WithPage(const std::string& path, const std::string& number) {
  const auto query = path.find('?');
  if (query == std::string::npos) return path + "?page=" + number;
  std::string out = path.substr(0, query + 1);
  bool replaced = false;
  std::size_t start = query + 1;
  while (start <= path.size()) {
    auto end = path.find('&', start);
    if (end == std::string::npos) end = path.size();
    std::string param = path.substr(start, end - start);
    if (param.starts_with("page=")) {
      param = "page=" + number;
      replaced = true;
    }
    if (!param.empty()) out += (out.back() == '?' ? "" : "&") + param;
    start = end + 1;
  }
  if (!replaced) out += (out.back() == '?' ? "" : "&") + std::string("page=") + number;
  return out;
}

// The next page's path: httplib percent-decodes header values, so a Link to
// `/groups/a%2Fb/...` arrives as `/groups/a/b/...`; the requested path's encoding is kept then.
std::string KeepEncodedPath(const std::string& requested, const std::string& link) {
  const std::string requested_path = requested.substr(0, requested.find('?'));
  const auto query = link.find('?');
  const std::string link_path = link.substr(0, query);
  if (link_path == requested_path || core::PercentDecoded(requested_path) != link_path) return link;
  return requested_path + (query == std::string::npos ? "" : link.substr(query));
}

}  // namespace

core::Result<std::vector<std::string>> HttpClient::GetPages(const std::string& path) {
  std::vector<std::string> pages;
  std::string next = path;
  for (int page = 0; page < impl_->options.max_pages; ++page) {
    auto response = Get(next);
    if (!response) return tl::unexpected(response.error());
    pages.push_back(std::move(response->body));
    auto link = response->headers.find("link");
    auto url = link == response->headers.end() ? std::nullopt : NextPageLink(link->second);
    if (!url) {
      // GitLab's offset pagination also says X-Next-Page (empty on the last page), which some
      // proxies keep when they drop Link.
      auto number = response->headers.find("x-next-page");
      if (number == response->headers.end() || number->second.empty() ||
          number->second.size() > 9 ||
          number->second.find_first_not_of("0123456789") != std::string::npos) {
        return pages;
      }
      next = WithPage(next, number->second);
      continue;
    }
    // The next page must be on the same API: the token is never sent anywhere else.
    if (!url->starts_with(base_url_ + "/")) {
      return tl::unexpected(ForgeError("GET " + base_url_ + core::EscapeForDisplay(path) +
                                       ": refusing to follow a pagination link outside " +
                                       base_url_ + " (" + core::EscapeForDisplay(*url) + ")"));
    }
    next = KeepEncodedPath(next, url->substr(base_url_.size()));
  }
  return tl::unexpected(ForgeError("GET " + base_url_ + core::EscapeForDisplay(path) +
                                   ": more than " + std::to_string(impl_->options.max_pages) +
                                   " pages"));
}

}  // namespace riskgate::collect::forge
