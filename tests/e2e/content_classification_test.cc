// End to end, issue 16: content classification is riskgate's own, from the bytes, never from
// the change's .gitattributes; a file riskgate cannot scan is a finding, never a silent pass.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

bool HasRule(const nlohmann::json& doc, const std::string& rule, const std::string& path) {
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == rule && f["path"] == path) return true;
  }
  return false;
}

int CountRule(const nlohmann::json& doc, const std::string& rule) {
  int n = 0;
  for (const auto& f : doc["findings"]) n += f["rule"] == rule ? 1 : 0;
  return n;
}

std::string Utf16Le(const std::string& ascii, bool bom) {
  std::string out = bom ? std::string("\xff\xfe") : std::string();
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string Utf16Be(const std::string& ascii) {
  std::string out = "\xfe\xff";
  for (char c : ascii) {
    out += '\0';
    out += c;
  }
  return out;
}

void WriteBytes(TempRepo& repo, const std::string& relative, const std::string& bytes) {
  std::ofstream out(repo.path() + "/" + relative, std::ios::binary);
  out << bytes;
}

const std::map<std::string, std::string> kNoCi = {{"CI", ""}};

}  // namespace

TEST_CASE("the change's own gitattributes cannot mark a file binary to hide a token",
          "[e2e][content]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  const std::string token = FakeGithubToken();
  repo.Write(".gitattributes", "*.txt -diff\n*.yml -diff\n*.env binary\n* -text\n");
  repo.Write("notes.txt", "token: " + token + "\n");
  repo.Write("deploy.env", "GITHUB_TOKEN=" + token + "\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(HasRule(staged, "github-pat-classic", "notes.txt"));
  CHECK(HasRule(staged, "github-pat-classic", "deploy.env"));
  repo.Commit("hide");
  auto range = repo.RiskgateJson({"check", "--base", base}, 1, kNoCi);
  CHECK(HasRule(range, "github-pat-classic", "notes.txt"));
  CHECK(HasRule(range, "github-pat-classic", "deploy.env"));
  auto worktree = repo.RiskgateJson({"check", "--worktree"}, 1, kNoCi);
  CHECK(HasRule(worktree, "github-pat-classic", "notes.txt"));
  auto history = repo.RiskgateJson({"history"}, 1, kNoCi);
  CHECK(HasRule(history, "github-pat-classic", "deploy.env"));
}

TEST_CASE("a file that only starts like an LFS pointer is scanned whole", "[e2e][content]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  const std::string pointer =
      "version https://git-lfs.github.com/spec/v1\n"
      "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
      "size 12345\n";
  repo.Write("model.bin", pointer + "token=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(HasRule(staged, "github-pat-classic", "model.bin"));
  repo.Commit("fake pointer");
  CHECK(HasRule(repo.RiskgateJson({"check", "--base", base}, 1, kNoCi), "github-pat-classic",
                "model.bin"));
  CHECK(HasRule(repo.RiskgateJson({"check", "--worktree"}, 1, kNoCi), "github-pat-classic",
                "model.bin"));
  CHECK(HasRule(repo.RiskgateJson({"history"}, 1, kNoCi), "github-pat-classic", "model.bin"));
}

TEST_CASE("a real LFS pointer whose object is stored locally is judged by the object",
          "[e2e][content]") {
  TempRepo repo;
  repo.Commit("init");
  const std::string object = "deploy_token=" + FakeGithubToken() + "\n";
  const std::string oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
  const std::string dir = repo.path() + "/.git/lfs/objects/4d/7a";
  std::filesystem::create_directories(dir);
  WriteBytes(repo, ".git/lfs/objects/4d/7a/" + oid, object);
  repo.Write("data.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid +
                             "\nsize " + std::to_string(object.size()) + "\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(HasRule(staged, "github-pat-classic", "data.bin"));
}

TEST_CASE("UTF-16 and UTF-32 text is decoded and scanned with decoded line numbers",
          "[e2e][content]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  const std::string token = FakeGithubToken();
  WriteBytes(repo, "bom-le.txt", Utf16Le("first\nsecond\ntoken=" + token + "\n", true));
  WriteBytes(repo, "no-bom.txt", Utf16Le("a\nb\nc\ntoken=" + token + "\n", false));
  WriteBytes(repo, "bom-be.txt", Utf16Be("token=" + token + "\n"));
  std::string utf32 = std::string("\xff\xfe\0\0", 4);
  for (char c : "x\ntoken=" + token + "\n") utf32 += std::string(1, c) + std::string(3, '\0');
  WriteBytes(repo, "wide32.txt", utf32);
  repo.Git({"add", "-A"});
  for (const auto& args : {std::vector<std::string>{"check", "--staged"},
                           std::vector<std::string>{"check", "--worktree"}}) {
    auto doc = repo.RiskgateJson(args, 1, kNoCi);
    for (const std::string path : {"bom-le.txt", "no-bom.txt", "bom-be.txt", "wide32.txt"}) {
      INFO(path);
      CHECK(HasRule(doc, "github-pat-classic", path));
    }
    for (const auto& f : doc["findings"]) {
      if (f["path"] == "bom-le.txt") CHECK(f["line"] == 3);
      if (f["path"] == "no-bom.txt") CHECK(f["line"] == 4);
    }
  }
  repo.Commit("wide");
  CHECK(HasRule(repo.RiskgateJson({"check", "--base", base}, 1, kNoCi), "github-pat-classic",
                "no-bom.txt"));
  CHECK(HasRule(repo.RiskgateJson({"history"}, 1, kNoCi), "github-pat-classic", "bom-be.txt"));
}

TEST_CASE("8-bit text smuggled into a UTF-16 file is not decoded away", "[e2e][content]") {
  TempRepo repo;
  repo.Commit("init");
  WriteBytes(
      repo, "mixed.txt",
      Utf16Le("hello\n", true) + "token=" + FakeGithubToken() + "\n" + Utf16Le("x\n", false));
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 0, kNoCi);
  CHECK(HasRule(doc, "unscanned-file", "mixed.txt"));
}

TEST_CASE("a file riskgate cannot scan warns locally and blocks a CI range run", "[e2e][content]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  WriteBytes(repo, "blob.bin", std::string("\x01\x02\0\x03payload", 11));
  repo.Write("big.txt", std::string(5000, 'a') + "\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged", "--max-file-size", "1000"}, 0, kNoCi);
  CHECK(staged["decision"] == "warn");
  CHECK(HasRule(staged, "unscanned-file", "blob.bin"));
  CHECK(HasRule(staged, "unscanned-file", "big.txt"));
  repo.Commit("binary");
  auto local = repo.RiskgateJson({"check", "--base", base}, 0, kNoCi);
  CHECK(local["decision"] == "warn");
  auto ci = repo.RiskgateJson({"check", "--base", base}, 1, {{"CI", "true"}});
  CHECK(ci["decision"] == "block");
  CHECK(CountRule(ci, "unscanned-file") == 1);
  repo.Write(".riskgate.yaml", "version: 1\nlimits: {on_unscanned: block}\n");
  repo.Commit("policy");
  repo.RiskgateJson({"check", "--worktree"}, 1, kNoCi);
  auto history = repo.RiskgateJson({"history"}, 1, kNoCi);
  CHECK(history["scope"]["files_skipped"] == 1);
  CHECK(history["scope"]["skipped"][0]["path"] == "blob.bin");
  CHECK(HasRule(history, "unscanned-file", "blob.bin"));
  repo.Write(".riskgate.yaml", "version: 1\nlimits: {on_unscanned: sometimes}\n");
  auto bad = repo.Riskgate({"check", "--worktree"}, kNoCi);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("limits.on_unscanned") != std::string::npos);
}

TEST_CASE(
    "lockfiles and SVGs are scanned: a token in a resolved URL blocks, integrity hashes do "
    "not",
    "[e2e][content]") {
  TempRepo repo;
  repo.Commit("init");
  const std::string lock =
      "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/lodash\": {\n"
      "      \"version\": \"4.17.21\",\n"
      "      \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",\n"
      "      \"integrity\": "
      "\"sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5"
      "FvSg==\"\n    }\n  }\n}\n";
  repo.Write("package-lock.json", lock);
  repo.Write("yarn.lock",
             "lodash@^4.17.21:\n  version \"4.17.21\"\n  resolved "
             "\"https://registry.yarnpkg.com/lodash/-/"
             "lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c\"\n  integrity "
             "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1"
             "tvj5FvSg==\n");
  repo.Git({"add", "-A"});
  auto clean = repo.RiskgateJson({"check", "--staged"}, 0, kNoCi);
  CHECK(clean["findings"].empty());
  repo.Commit("lockfiles");
  repo.Write("yarn.lock", "accepts@~1.3.8:\n  resolved \"https://npm:" + FakeGithubToken() +
                              "@npm.pkg.github.com/accepts/-/accepts-1.3.8.tgz\"\n");
  repo.Write("logo.svg", "<svg><!-- " + FakeGithubToken() + " --></svg>\n");
  repo.Git({"add", "-A"});
  auto leaked = repo.RiskgateJson({"check", "--staged"}, 1, kNoCi);
  CHECK(HasRule(leaked, "github-pat-classic", "yarn.lock"));
  CHECK(HasRule(leaked, "github-pat-classic", "logo.svg"));
}

}  // namespace riskgate::testing
