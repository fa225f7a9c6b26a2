// Issue 16, no crash, no hang, no unsafe read or write: every file riskgate reads goes through
// one bounded reader (a folder, FIFO, device or symlink out of the repository is an error naming
// it, never an abort or a wait), untrusted JSON is bounded in depth, a forge's whole exchange is
// held to its timeout, and outputs never replace a device, a stream or a file outside the
// repository.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

namespace fs = std::filesystem;
using Env = std::map<std::string, std::string>;

void CheckNamedError(const ProcessResult& result, const std::string& says) {
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("riskgate: error:"));
  CHECK_THAT(result.err, Catch::Contains(says));
}

std::string Nested(int depth) {
  return "{\"a\":" + std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']') + "}";
}

Env GithubPush(const std::string& payload) {
  return {{"GITHUB_ACTIONS", "true"},
          {"GITHUB_EVENT_NAME", "push"},
          {"GITHUB_EVENT_PATH", payload},
          {"GITLAB_CI", ""},
          {"PRE_COMMIT", ""},
          {"GIT_INDEX_FILE", ""}};
}

// A server on 127.0.0.1 that accepts connections and sends an HTTP status line and headers one
// byte every 200 ms, never finishing them, until the client goes away.
class TricklingServer {
 public:
  TricklingServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(::listen(listener_, 8) == 0);
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TricklingServer() {
    stop_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void Serve() {
    while (!stop_) {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      const std::string headers = "HTTP/1.1 200 OK\r\nX-Slow: " + std::string(100000, 'a');
      for (char c : headers) {
        if (stop_ || ::send(client, &c, 1, MSG_NOSIGNAL) != 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      ::close(client);
    }
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

TEST_CASE("a folder where riskgate reads a file is an error naming it, never an abort",
          "[e2e][io]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("init");

  SECTION("a .riskgate.yaml folder in the working tree") {
    fs::create_directories(repo.path() + "/.riskgate.yaml/x");
    CheckNamedError(repo.Riskgate({"check", "--worktree"}), "is a folder, not a file");
  }
  SECTION("--policy naming a folder") {
    fs::create_directories(repo.path() + "/conf");
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--policy", "conf"}),
                    "is a folder, not a file");
  }
  SECTION("a .riskgate.yaml committed as a tree at the base revision") {
    repo.Write(".riskgate.yaml/x", "version: 1\n");
    repo.Commit("policy folder");
    repo.Write("b.txt", "b\n");
    repo.Commit("change");
    CheckNamedError(repo.Riskgate({"check", "--base", "HEAD~1"}), "is a folder");
  }
  SECTION("the GitHub event payload is a folder") {
    fs::create_directories(repo.path() + "/event");
    CheckNamedError(repo.Riskgate({"check"}, GithubPush(repo.path() + "/event")),
                    "is a folder, not a file");
  }
  SECTION("the waivers file is a folder") {
    fs::create_directories(repo.path() + "/.riskgate/waivers.yaml");
    CheckNamedError(repo.Riskgate({"check", "--worktree"}), "is a folder, not a file");
  }
  SECTION("a rule pack and an extends: file that are folders") {
    fs::create_directories(repo.path() + "/pack.yaml");
    repo.Write(".riskgate.yaml", "version: 1\ncontrols: {secrets: {rule_packs: [pack.yaml]}}\n");
    CheckNamedError(repo.Riskgate({"check", "--worktree"}), "is a folder, not a file");
    repo.Write(".riskgate.yaml", "version: 1\nextends: [pack.yaml]\n");
    CheckNamedError(repo.Riskgate({"check", "--worktree"}), "is a folder, not a file");
  }
  SECTION("install-hook over a pre-commit folder") {
    fs::create_directories(repo.path() + "/.git/hooks/pre-commit");
    CheckNamedError(repo.Riskgate({"install-hook"}), "is a folder, not a file");
  }
}

TEST_CASE("a policy symlink to /dev/zero or a FIFO is refused at once, never read or waited on",
          "[e2e][io]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("init");
  SECTION("a committed symlink to /dev/zero") {
    fs::create_symlink("/dev/zero", repo.path() + "/.riskgate.yaml");
    repo.Git({"add", ".riskgate.yaml"});
    CheckNamedError(repo.Riskgate({"check", "--staged", "--timeout", "60"}),
                    "leads outside the repository");
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--timeout", "60"}),
                    "leads outside the repository");
  }
  SECTION("--policy /dev/zero") {
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--policy", "/dev/zero"}),
                    "is a device, not a regular file");
  }
  SECTION("a FIFO as the policy and as the event payload") {
    REQUIRE(::mkfifo((repo.path() + "/.riskgate.yaml").c_str(), 0644) == 0);
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--timeout", "60"}),
                    "is a FIFO, not a regular file");
    REQUIRE(::mkfifo((repo.path() + "/event.json").c_str(), 0644) == 0);
    fs::remove(repo.path() + "/.riskgate.yaml");
    CheckNamedError(
        repo.Riskgate({"check", "--timeout", "60"}, GithubPush(repo.path() + "/event.json")),
        "is a FIFO, not a regular file");
  }
  SECTION("an event payload of 1 GB is refused by its size") {
    const std::string payload = repo.path() + "/big.json";
    Shell("truncate -s 1G big.json", repo.path());
    CheckNamedError(repo.Riskgate({"check", "--timeout", "60"}, GithubPush(payload)),
                    "is larger than the 64 MiB allowed");
  }
}

TEST_CASE("JSON nested past the depth limit is an error naming the file and the limit",
          "[e2e][io]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("init");
  SECTION("the GitHub event payload") {
    repo.Write("event.json", Nested(200000));
    CheckNamedError(repo.Riskgate({"check"}, GithubPush(repo.path() + "/event.json")),
                    "nested more than 128 levels deep");
  }
  SECTION("a pull request number nested deep (its dump recursed until the stack overflowed)") {
    repo.Write("event.json", R"({"pull_request": {"base": {"sha": "a"}, "head": {"sha": "b"},)"
                             R"( "number": )" +
                                 std::string(200000, '[') + std::string(200000, ']') + "}}");
    Env env = GithubPush(repo.path() + "/event.json");
    env["GITHUB_EVENT_NAME"] = "pull_request";
    CheckNamedError(repo.Riskgate({"check"}, env), "nested more than 128 levels deep");
  }
  SECTION("a report given to merge") {
    repo.Write("shard.json", Nested(200000));
    CheckNamedError(repo.Riskgate({"merge", "shard.json"}), "nested more than 128 levels deep");
  }
}

TEST_CASE("a forge that trickles its response headers fails at its timeout", "[e2e][io]") {
  TricklingServer server;
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\ncontrols:\n  reviews:\n    source: github\n    forge: {retries: 0, "
             "timeout_seconds: 1, github_api_url: '" +
                 server.url() + "'}\n");
  repo.Commit("policy");
  repo.Write("a.txt", "a\n");
  repo.Commit("change");
  const auto start = std::chrono::steady_clock::now();
  const auto result = repo.Riskgate(
      {"check", "--base", "HEAD~1", "--pr", "1", "--forge-project", "o/r", "--timeout", "100"},
      {{"GITHUB_TOKEN", ""}, {"RISKGATE_GITHUB_TOKEN", ""}, {"GITHUB_ACTIONS", ""}});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CheckNamedError(result, "no answer within 1.0 s");
  CHECK(seconds < 30);  // the whole run's --timeout would say 100
}

TEST_CASE("an --output never replaces a device or a standard stream with a file", "[e2e][io]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("init");
  SECTION("a symlink to /dev/stdout receives the report on standard output") {
    fs::create_symlink("/dev/stdout", repo.path() + "/out");
    const auto result = repo.Riskgate({"check", "--worktree", "--format", "json", "--output", "out",
                                       "--format", "text", "--output", "report.txt"});
    CHECK(result.exit_code == 0);
    CHECK(fs::is_symlink(repo.path() + "/out"));
    CHECK_THAT(result.out, Catch::Contains("\"decision\""));
  }
  SECTION("a symlink to /dev/null stays one, and /dev/null stays a device") {
    fs::create_symlink("/dev/null", repo.path() + "/null");
    const auto result = repo.Riskgate({"check", "--worktree", "--output", "null"});
    CHECK(result.exit_code == 0);
    CHECK(fs::is_symlink(repo.path() + "/null"));
    CHECK(fs::is_character_file("/dev/null"));
  }
  SECTION("a folder is refused") {
    fs::create_directories(repo.path() + "/dir");
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--output", "dir"}),
                    "is a folder, not a file");
  }
  SECTION("a missing folder is an error, and nothing is written") {
    CheckNamedError(repo.Riskgate({"check", "--worktree", "--output", "missing/r.txt"}),
                    "its folder does not exist");
    CHECK_FALSE(fs::exists(repo.path() + "/missing"));
  }
}

TEST_CASE("two formats written to one --output are refused", "[e2e][io]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("init");
  CheckNamedError(repo.Riskgate({"check", "--worktree", "--format", "json", "--output", "r.json",
                                 "--format", "sarif", "--output", "./r.json"}),
                  "are the same file");
  CHECK_FALSE(fs::exists(repo.path() + "/r.json"));
}

TEST_CASE("policy paths that leave the repository are refused where riskgate would write",
          "[e2e][io]") {
  TempRepo repo;
  repo.Write("src/a.txt", "a\n");
  SECTION("waivers.file with ..") {
    repo.Write(".riskgate.yaml", "version: 1\nwaivers:\n  file: ../outside.yaml\n");
    CheckNamedError(repo.Riskgate({"check", "--worktree"}),
                    ".riskgate.yaml:3:9: waivers.file: '../outside.yaml' leaves the repository");
  }
  SECTION("an absolute model or one with ..") {
    // Beside the repository's folder, under a name no other run uses.
    const std::string escaped = fs::path(repo.path()).filename().string() + "-escaped.md";
    repo.Write(".riskgate.yaml",
               "version: 1\ncontrols:\n  threat_model:\n    components:\n      - name: core\n"
               "        paths: ['src/**']\n        tier: low\n        models: [docs/../../" +
                   escaped + ", /abs.md]\n");
    const auto result = repo.Riskgate({"threat-model", "init", "core"});
    CheckNamedError(result, "models[0]: 'docs/../../" + escaped + "' leaves the repository");
    CHECK_THAT(result.err, Catch::Contains("models[1]: '/abs.md' is absolute"));
    CHECK_FALSE(fs::exists(fs::path(repo.path()).parent_path() / escaped));
  }
  SECTION("a model under a symlinked folder that leads out") {
    TempDir outside;
    fs::create_symlink(outside.path(), repo.path() + "/docs");
    repo.Write(".riskgate.yaml",
               "version: 1\ncontrols:\n  threat_model:\n    components:\n      - name: core\n"
               "        paths: ['src/**']\n        tier: low\n        models: [docs/core.md]\n");
    repo.Commit("init");
    CheckNamedError(repo.Riskgate({"threat-model", "init", "core"}),
                    "leads outside the repository");
    CHECK(fs::is_empty(outside.path()));
  }
}

}  // namespace riskgate::testing
