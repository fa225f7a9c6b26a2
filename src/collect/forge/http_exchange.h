// Stage 1 (collect): one HTTP GET exchange, the part of the forge client that needs cpp-httplib
// and OpenSSL's TLS. It lives in a module of its own (libriskgate_http.so, loaded on first use):
// a run that never calls a forge API (a pre-commit hook, a local dry run) never loads cpp-httplib,
// libssl and Brotli, whose relocation alone cost more than riskgate's whole staged scan. The
// module is private to one build: its ABI string must match the binary's, or it is refused.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "collect/forge/http_client.h"
#include "core/error.h"

namespace riskgate::collect::forge {

struct ExchangeRequest {
  std::string origin;  // scheme://host[:port]
  std::string path;    // what follows the origin, starting with '/'
  std::vector<std::pair<std::string, std::string>> headers;
  std::string proxy_host;  // "" for none; the CONNECT refusal was already handled
  int proxy_port = 0;
  std::string proxy_user;
  std::string proxy_password;
  double timeout_seconds = 30;  // connection plus the whole body
  std::size_t max_body_bytes = 0;
};

enum class ExchangeStatus {
  kAnswered,  // `response` holds the status, headers (names lower case) and body
  kTooBig,    // the body passed max_body_bytes
  kLate,      // the deadline passed; response.status is 0 when no headers came
  kFailed,    // a transport error, described in `error`
};

struct ExchangeOutcome {
  ExchangeStatus status = ExchangeStatus::kFailed;
  HttpResponse response;
  std::string error;
  bool no_answer = false;              // kFailed: a read or connection timeout
  bool untrusted_certificate = false;  // kFailed: TLS verification of the server failed
};

using ExchangeFunction = void (*)(const ExchangeRequest&, ExchangeOutcome&);

// The module's entry points (C names, so dlsym finds them; C++ arguments, built together).
extern "C" {
void riskgate_http_exchange_v1(const ExchangeRequest& request, ExchangeOutcome& outcome);
const char* riskgate_http_abi_v1();
}

// What both sides of the module boundary must agree on: struct layouts and the compiler.
inline std::string HttpExchangeAbi() {
  return "riskgate-http 1 request=" + std::to_string(sizeof(ExchangeRequest)) +
         " outcome=" + std::to_string(sizeof(ExchangeOutcome)) + " compiler=" __VERSION__;
}

// The exchange function: linked into this program (tests), or loaded once from
// libriskgate_http.so beside the binary or in ../lib/riskgate/. Never from a path the
// environment or the repository names.
core::Result<ExchangeFunction> LoadHttpExchange();

}  // namespace riskgate::collect::forge
