// End to end, issue 18: a token hidden base64-encoded and a PKCS#12 keystore committed as a
// binary file block a change, reported where they are and never printed.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::map<std::string, std::string> kCi = {{"CI", "true"}};

std::string Base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

const nlohmann::json* FindingOf(const nlohmann::json& doc, const std::string& rule) {
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == rule) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("A base64-encoded token blocks a staged check and a range, located at the encoded text",
          "[e2e][secrets][decode]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("base");
  const std::string token = FakeGithubToken();
  const std::string encoded = Base64(token);
  repo.Write("config/app.json", "{\n  \"blob\": \"" + encoded + "\"\n}\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1);
  CHECK(staged["decision"] == "block");
  const nlohmann::json* f = FindingOf(staged, "github-pat-classic");
  REQUIRE(f != nullptr);
  CHECK((*f)["path"] == "config/app.json");
  CHECK((*f)["line"] == 2);
  CHECK((*f)["column"] == 12);
  CHECK((*f)["message"].get<std::string>().find("base64-decoded") != std::string::npos);
  repo.Commit("config");
  const ProcessResult range = repo.Riskgate({"check", "--base", base, "--head", "HEAD"}, kCi);
  CHECK(range.exit_code == 1);
  CHECK(range.out.find(token) == std::string::npos);
  CHECK(range.out.find(encoded) == std::string::npos);
  CHECK(range.err.find(token) == std::string::npos);
}

TEST_CASE("A committed PKCS#12 file is a keystore-file finding, not an unscanned file",
          "[e2e][secrets][keystore]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  const std::string base = repo.Commit("base");
  std::string der("\x30\x82\x0a\x5b\x02\x01\x03\x30\x82\x0a\x21\x06\x09\x2a\x86\x48", 16);
  der += std::string(64, '\0') + "opaque";
  repo.Write("certs/client.p12", der);
  repo.Write("certs/renamed.bin", der);
  repo.Commit("add keystore");
  auto range = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1, kCi);
  CHECK(range["decision"] == "block");
  int keystores = 0;
  for (const auto& f : range["findings"]) {
    CHECK(f["rule"] != "unscanned-file");
    if (f["rule"] == "keystore-file") {
      ++keystores;
      CHECK(f["line"] == 0);
      CHECK(f["message"].get<std::string>().find("PKCS#12") != std::string::npos);
    }
  }
  CHECK(keystores == 2);
  auto worktree = repo.RiskgateJson({"check", "--worktree"}, 1);
  const nlohmann::json* f = FindingOf(worktree, "keystore-file");
  REQUIRE(f != nullptr);
  // A history audit tells them by their bytes too: the renamed copy is a keystore by content,
  // and neither is an unscanned file.
  auto history = repo.RiskgateJson({"history"}, 1);
  int in_history = 0;
  for (const auto& h : history["findings"]) {
    CHECK(h["rule"] != "unscanned-file");
    if (h["rule"] == "keystore-file") {
      ++in_history;
      CHECK(h["message"].get<std::string>().find("by its magic bytes") != std::string::npos);
    }
  }
  CHECK(in_history >= 1);
}

}  // namespace riskgate::testing
