// Stage 1 (collect): the only file that talks to cpp-httplib. A GET-only client for one API base
// URL with TLS verification on, a bearer or GitLab private token (never in any message), an
// overall deadline per request, bounded retries with backoff on connection errors, 5xx, 429 and
// rate limits (honouring Retry-After), a cap on body size, and `Link: rel="next"` pagination
// that never leaves the base URL's origin. Errors say which request failed and how.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace riskgate::collect::forge {

enum class TokenStyle { kBearer, kGitlabPrivateToken };

struct HttpOptions {
  double timeout_seconds = 30;  // per attempt, connection plus the whole body
  int retries = 3;
  double max_retry_wait_seconds = 60;
  double first_backoff_seconds = 0.5;  // doubled per retry
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  int max_pages = 100;
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
};

class HttpClient {
 public:
  // `base_url` is https://host[:port][/prefix] (plain http only to a loopback address).
  static core::Result<HttpClient> Create(const std::string& base_url, std::string token,
                                         TokenStyle style, HttpOptions options);
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  ~HttpClient();

  // GET base_url + path (path starts with '/'); a 2xx answer, or an error after retries.
  core::Result<HttpResponse> Get(const std::string& path);
  // Every page of a paginated list, following Link rel="next".
  core::Result<std::vector<std::string>> GetPages(const std::string& path);

  const std::string& base_url() const { return base_url_; }

 private:
  struct Impl;
  explicit HttpClient(std::unique_ptr<Impl> impl, std::string base_url);
  std::unique_ptr<Impl> impl_;
  std::string base_url_;
};

// Whether `error` is Get's answer to an HTTP 404 (not found, or not visible to the token).
bool IsNotFound(const core::Error& error);

// Whether plain http to this URL is acceptable (a loopback address).
bool IsLoopbackHttp(const std::string& url);

}  // namespace riskgate::collect::forge
