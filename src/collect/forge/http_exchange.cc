// The module's side of http_exchange.h: one GET through cpp-httplib, held to its deadline.
// Self-contained on purpose (the standard library and cpp-httplib only): it is linked into
// libriskgate_http.so, which carries no copy of riskgate's own libraries.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "collect/forge/http_exchange.h"

namespace riskgate::collect::forge {
namespace {

using Clock = std::chrono::steady_clock;

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Holds one exchange to its deadline: httplib's timeouts bound each socket read, so a server that
// trickles a byte at a time (headers included) would never trip them. At the deadline this stops
// the client (shuts its socket down, which ends any blocked read), and keeps stopping it until
// the exchange returns, in case the deadline fell while a connection was being made.
class ExchangeDeadline {
 public:
  ExchangeDeadline(httplib::Client& client, Clock::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock lock(mutex_);
          if (wake_.wait_until(lock, deadline, [this] { return done_; })) return;
          expired_ = true;
          while (!done_) {
            client.stop();
            wake_.wait_for(lock, std::chrono::milliseconds(20), [this] { return done_; });
          }
        }) {}
  ExchangeDeadline(const ExchangeDeadline&) = delete;
  ExchangeDeadline& operator=(const ExchangeDeadline&) = delete;
  ~ExchangeDeadline() { Finish(); }

  // Ends the watch; true when the deadline passed first.
  bool Finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    return expired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool expired_ = false;
  std::thread thread_;  // last: starts once the fields above exist
};

void Exchange(const ExchangeRequest& request, ExchangeOutcome& outcome) {
  httplib::Client client(request.origin);
  client.enable_server_certificate_verification(true);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  const auto timeout = std::chrono::duration<double>(request.timeout_seconds);
  client.set_connection_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  client.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  client.set_write_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  if (!request.proxy_host.empty()) {
    client.set_proxy(request.proxy_host, request.proxy_port);
    if (!request.proxy_user.empty() || !request.proxy_password.empty()) {
      client.set_proxy_basic_auth(request.proxy_user, request.proxy_password);
    }
  }
  httplib::Headers headers(request.headers.begin(), request.headers.end());
  HttpResponse& response = outcome.response;
  bool too_big = false;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
  bool late = false;
  ExchangeDeadline watch(client, deadline);
  auto result = client.Get(
      request.path, headers,
      [&](const httplib::Response& r) {
        response.status = r.status;
        for (const auto& [name, value] : r.headers) response.headers[Lower(name)] = value;
        return true;
      },
      [&](const char* data, std::size_t length) {
        if (response.body.size() + length > request.max_body_bytes) {
          too_big = true;
          return false;
        }
        response.body.append(data, length);
        if (Clock::now() > deadline) {
          late = true;
          return false;
        }
        return true;
      });
  late = watch.Finish() || late;
  if (too_big) {
    outcome.status = ExchangeStatus::kTooBig;
  } else if (late) {
    outcome.status = ExchangeStatus::kLate;
  } else if (!result) {
    const auto error = result.error();
    outcome.status = ExchangeStatus::kFailed;
    outcome.error = httplib::to_string(error);
    outcome.no_answer = error == httplib::Error::Read || error == httplib::Error::ConnectionTimeout;
    outcome.untrusted_certificate = error == httplib::Error::SSLServerVerification;
  } else {
    outcome.status = ExchangeStatus::kAnswered;
    if (response.status == 0) {
      // The proxy answered the CONNECT itself (407): httplib hands that answer back without
      // calling the callbacks above.
      response.status = result->status;
      for (const auto& [name, value] : result->headers) response.headers[Lower(name)] = value;
    }
  }
}

}  // namespace

extern "C" __attribute__((visibility("default"))) void riskgate_http_exchange_v1(
    const ExchangeRequest& request, ExchangeOutcome& outcome) {
  outcome = ExchangeOutcome{};
  try {
    Exchange(request, outcome);
  } catch (const std::exception& e) {
    // Nothing may cross the module boundary as an exception (bad_alloc, a thread that would
    // not start): it becomes a failed exchange, which the caller reports.
    outcome.status = ExchangeStatus::kFailed;
    outcome.error = std::string("the HTTP client failed: ") + e.what();
  }
}

extern "C" __attribute__((visibility("default"))) const char* riskgate_http_abi_v1() {
  static const std::string abi = HttpExchangeAbi();
  return abi.c_str();
}

}  // namespace riskgate::collect::forge
