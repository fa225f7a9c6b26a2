#include "support/fixture_server.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "support/process.h"

namespace riskgate::testing {

bool MakeSelfSignedCert(const std::string& dir, const std::string& common_name,
                        const std::string& alt_name) {
  return Shell(
             "openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 "
             "-subj /CN=" +
                 common_name + " -addext subjectAltName=" + alt_name + " 2>&1",
             dir)
             .exit_code == 0;
}

struct FixtureServer::Impl {
  std::unique_ptr<httplib::Server> owned;
  httplib::Server& server;
  bool tls = false;
  std::thread thread;
  int port = 0;
  mutable std::mutex mutex;
  std::map<std::string, std::vector<FixtureResponse>> routes;
  std::map<std::string, std::size_t> served;
  std::vector<RecordedRequest> requests;

  explicit Impl(std::unique_ptr<httplib::Server> s) : owned(std::move(s)), server(*owned) {}
};

FixtureServer::FixtureServer() : FixtureServer("", "") {}

FixtureServer::FixtureServer(const std::string& cert_path, const std::string& key_path)
    : impl_(std::make_unique<Impl>(
          cert_path.empty() ? std::make_unique<httplib::Server>()
                            : std::unique_ptr<httplib::Server>(std::make_unique<httplib::SSLServer>(
                                  cert_path.c_str(), key_path.c_str())))) {
  Impl& impl = *impl_;
  impl.tls = !cert_path.empty();
  if (!impl.server.is_valid()) throw std::runtime_error("cannot start the TLS fixture server");
  impl.server.set_payload_max_length(1 << 20);
  impl.server.set_read_timeout(5, 0);
  impl.server.set_write_timeout(5, 0);
  impl.server.Get(".*", [&impl](const httplib::Request& req, httplib::Response& res) {
    FixtureResponse response{404, R"({"message":"Not Found"})", {}, 0};
    {
      std::lock_guard<std::mutex> lock(impl.mutex);
      impl.requests.push_back({req.target, req.get_header_value("Authorization"),
                               req.get_header_value("PRIVATE-TOKEN")});
      auto it = impl.routes.find(req.target);
      if (it != impl.routes.end() && !it->second.empty()) {
        std::size_t& n = impl.served[req.target];
        response = it->second[std::min(n, it->second.size() - 1)];
        ++n;
      }
    }
    if (response.delay_seconds > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(response.delay_seconds));
    }
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name, value);
    res.set_content(response.body, "application/json");
  });
  impl.port = impl.server.bind_to_any_port("127.0.0.1");
  if (impl.port <= 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
  impl.thread = std::thread([&impl] { impl.server.listen_after_bind(); });
  while (!impl.server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FixtureServer::~FixtureServer() {
  // stop() only closes the listening socket while the accept loop runs; repeat it until the
  // loop has ended, so a stop racing the loop's start cannot leave join() waiting forever.
  do {
    impl_->server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  } while (impl_->server.is_running());
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string FixtureServer::url() const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(impl_->port);
}

void FixtureServer::On(const std::string& target, std::vector<FixtureResponse> responses) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->routes[target] = std::move(responses);
  impl_->served[target] = 0;
}

void FixtureServer::On(const std::string& target, const std::string& json_body) {
  On(target, std::vector<FixtureResponse>{FixtureResponse{200, json_body, {}, 0}});
}

std::vector<RecordedRequest> FixtureServer::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->requests;
}

int FixtureServer::CountRequests(const std::string& target) const {
  int n = 0;
  for (const auto& r : requests()) n += r.target == target ? 1 : 0;
  return n;
}

}  // namespace riskgate::testing
