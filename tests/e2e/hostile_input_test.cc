// End to end, issue 5: repository content an attacker controls. Each case runs the real binary on
// a real repository; none may crash, hang (every run has a --timeout) or pass silently.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kTimeout = "120";  // seconds: a hang fails the run instead of the suite

ProcessResult Check(TempRepo& repo, std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  args.push_back("--timeout");
  args.push_back(kTimeout);
  return repo.Riskgate(args);
}

nlohmann::json CheckJson(TempRepo& repo, std::vector<std::string> args, int expected_exit) {
  args.insert(args.begin(), "check");
  args.push_back("--timeout");
  args.push_back(kTimeout);
  return repo.RiskgateJson(args, expected_exit);
}

bool Skipped(const nlohmann::json& doc, const std::string& path, const std::string& reason) {
  for (const auto& s : doc["scope"]["skipped"]) {
    if (s["path"] == path && s["reason"] == reason) return true;
  }
  return false;
}

int CountRule(const nlohmann::json& doc, const std::string& rule) {
  int n = 0;
  for (const auto& f : doc["findings"]) n += f["rule"] == rule ? 1 : 0;
  return n;
}

// No byte a terminal would act on: C0 controls other than newline and tab, DEL, and C1 (as
// UTF-8 U+0080..U+009F).
void RequireNoRawControl(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xc2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9f;
    INFO("offset " << i << " byte " << static_cast<int>(c));
    REQUIRE_FALSE(((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c1));
  }
}

std::string Nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i)
    text += std::string(static_cast<std::size_t>(i % 40), ' ') + "k:\n";
  return text;
}

std::string BillionLaughs() {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + prev;
    text += "]\n";
    prev = c;
  }
  return text;
}

}  // namespace

TEST_CASE("NUL bytes: binary files are skipped and listed, a late NUL does not hide a secret",
          "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("blob.bin", std::string("\0\0\0", 3) + "key = " + FakeAwsKeyId() + "\n");
  repo.Write("late.txt", std::string(9000, 'x') + "\n" + std::string("\0", 1) +
                             "\nkey = " + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  auto doc = CheckJson(repo, {"--staged"}, 1);
  CHECK(Skipped(doc, "blob.bin", "binary"));
  CHECK(CountRule(doc, "github-pat-classic") == 1);
  CHECK(CountRule(doc, "aws-access-key-id") == 0);
  auto audit = CheckJson(repo, {"--worktree"}, 1);
  CHECK(Skipped(audit, "blob.bin", "binary"));
}

TEST_CASE("invalid UTF-8 around a secret: found, and every report stays valid", "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("weird.txt", "\xff\xfe\xc3(\xed\xa0\x80 token=" + FakeGithubToken() + " \xf8\x88\n");
  repo.Git({"add", "-A"});
  auto doc = CheckJson(repo, {"--staged"}, 1);  // the parser rejects invalid JSON
  CHECK(CountRule(doc, "github-pat-classic") == 1);
  auto text = Check(repo, {"--staged"});
  RequireNoRawControl(text.out);
}

TEST_CASE("CRLF line endings: secrets and workflow findings are located without the CR",
          "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("config.env", "A=1\r\nTOKEN=" + FakeGithubToken() + "\r\nB=2\r\n");
  repo.Write(".github/workflows/ci.yml",
             "on: push\r\npermissions: {contents: read}\r\njobs:\r\n  b:\r\n"
             "    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: some/action@v1\r\n");
  repo.Git({"add", "-A"});
  auto doc = CheckJson(repo, {"--staged"}, 1);
  bool secret = false, action = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "github-pat-classic") {
      secret = true;
      CHECK(f["line"] == 2);
      CHECK(f["secret"].get<std::string>().find('\r') == std::string::npos);
    }
    if (f["rule"] == "unpinned-action") {
      action = true;
      CHECK(f["line"] == 7);
    }
  }
  CHECK(secret);
  CHECK(action);
}

TEST_CASE("a 50 MB single line is skipped by default and scanned when the limit allows",
          "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  std::string line(50 * 1024 * 1024, 'a');
  const std::string token = FakeGithubToken();
  line.replace(line.size() / 2, token.size() + 2, " " + token + " ");
  repo.Write("one-line.txt", line);
  repo.Git({"add", "-A"});
  auto doc = CheckJson(repo, {"--staged"}, 0);
  CHECK(Skipped(doc, "one-line.txt", "too_large"));
  auto scanned = CheckJson(repo, {"--staged", "--max-file-size", "67108864"}, 1);
  REQUIRE(CountRule(scanned, "github-pat-classic") == 1);
  CHECK(scanned["findings"][0]["column"] == 26214402);
}

TEST_CASE("a 1 GB file is skipped by size without being read", "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  const std::string huge = repo.path() + "/huge.img";
  { std::ofstream create(huge); }
  REQUIRE(::truncate(huge.c_str(), 1LL << 30) == 0);
  repo.Git({"add", "huge.img"});
  auto staged = CheckJson(repo, {"--staged"}, 0);
  CHECK(Skipped(staged, "huge.img", "too_large"));
  auto audit = CheckJson(repo, {"--worktree"}, 0);
  CHECK(Skipped(audit, "huge.img", "too_large"));
}

TEST_CASE("YAML bombs in a policy fail closed with the file named", "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"deep.yaml", Nested(10000)},
           {"flow.yaml", std::string(10000, '[') + std::string(10000, ']') + "\n"},
           {"laughs.yaml", BillionLaughs()},
           {"dup.yaml", "version: 1\ncontrols: {}\nversion: 1\n"}}) {
    repo.Write(name, text);
    auto result = Check(repo, {"--staged", "--policy", name});
    INFO(name << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(name) != std::string::npos);
    CHECK(result.out.empty());
  }
}

TEST_CASE("YAML bombs in a workflow are located findings, not crashes", "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write(".github/workflows/deep.yml", "on: push\njobs:\n" + Nested(10000));
  repo.Write(".github/workflows/laughs.yml", BillionLaughs());
  repo.Write(".github/workflows/dup.yml",
             "on: push\npermissions: {}\njobs: {}\npermissions: write-all\n");
  repo.Write(".gitlab-ci.yml", std::string(10000, '[') + "\n");
  repo.Git({"add", "-A"});
  auto doc = CheckJson(repo, {"--staged"}, 0);
  std::set<std::string> unparsable;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "unparsable-config") unparsable.insert(f["path"].get<std::string>());
  }
  CHECK(unparsable == std::set<std::string>{".github/workflows/deep.yml",
                                            ".github/workflows/laughs.yml",
                                            ".github/workflows/dup.yml", ".gitlab-ci.yml"});
}

TEST_CASE("a symlink pointing outside the repository is never followed", "[e2e][hostile]") {
  TempRepo repo;
  TempDir outside;
  {
    std::ofstream secret(outside.path() + "/secret.txt");
    secret << "token=" << FakeGithubToken() << "\n";
  }
  repo.Commit("init");
  std::filesystem::create_symlink(outside.path() + "/secret.txt", repo.path() + "/link.txt");
  std::filesystem::create_directory_symlink(outside.path(), repo.path() + "/linkdir");
  repo.Git({"add", "-A"});
  auto staged = CheckJson(repo, {"--staged"}, 0);
  CHECK(Skipped(staged, "link.txt", "symlink"));
  CHECK(Skipped(staged, "linkdir", "symlink"));
  CHECK(staged["findings"].empty());
  repo.Commit("links");
  auto audit = CheckJson(repo, {"--worktree"}, 0);
  CHECK(Skipped(audit, "link.txt", "symlink"));
  CHECK(audit["findings"].empty());
}

TEST_CASE("paths with newlines, escapes and non-UTF-8 bytes are escaped in every format",
          "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  const std::string name = "a\nb\x1b[31m\xff\x07::error::x%0A.env";
  repo.Write(name, "TOKEN=" + FakeGithubToken() + "\n");
  repo.Git({"add", "-A"});
  const std::string out = repo.path() + "/../out-" + std::to_string(::getpid());
  auto result = Check(
      repo, {"--staged",       "--format", "text",       "--format", "json",         "--output",
             out + ".json",    "--format", "sarif",      "--output", out + ".sarif", "--format",
             "junit",          "--output", out + ".xml", "--format", "gitlab",       "--output",
             out + ".gl.json", "--format", "github",     "--output", out + ".gh",    "--format",
             "markdown",       "--output", out + ".md"});
  INFO(result.err);
  REQUIRE(result.exit_code == 1);
  RequireNoRawControl(result.out);
  // The path is whole wherever it appears: the header, the fix's prose and its git command.
  std::size_t whole = 0;
  for (auto at = result.out.find("a\\x0ab\\x1b[31m\\xff\\x07"); at != std::string::npos;
       at = result.out.find("a\\x0ab\\x1b[31m\\xff\\x07", at + 1)) {
    ++whole;
  }
  CHECK(whole >= 3);
  CHECK(result.out.find("git restore --staged -- $'a\\x0ab\\x1b[31m\\xff\\x07") !=
        std::string::npos);
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  for (const auto* ext : {".json", ".sarif", ".gl.json"}) {
    INFO(ext);
    const auto text = read(out + ext);
    CHECK(nlohmann::json::accept(text));
    RequireNoRawControl(text);
  }
  const auto xml = read(out + ".xml");
  RequireNoRawControl(xml);
  CHECK(Shell("xmllint --noout " + out + ".xml").exit_code == 0);
  // Workflow commands: one command per line; the name cannot start a command of its own.
  const auto github = read(out + ".gh");
  RequireNoRawControl(github);
  std::istringstream lines(github);
  std::string line;
  while (std::getline(lines, line)) {
    CHECK_FALSE(line.starts_with("::error::x"));
    if (line.starts_with("::error")) CHECK(line.starts_with("::error file=a%0Ab"));
  }
  RequireNoRawControl(read(out + ".md"));
  for (const auto* ext : {".json", ".sarif", ".xml", ".gl.json", ".gh", ".md"}) {
    std::filesystem::remove(out + ext);
  }
}

TEST_CASE("Git LFS pointer files are listed as skipped: their content is elsewhere",
          "[e2e][hostile]") {
  TempRepo repo;
  repo.Commit("init");
  const std::string pointer =
      "version https://git-lfs.github.com/spec/v1\n"
      "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
      "size 12345\n";
  repo.Write("model.bin", pointer);
  repo.Git({"add", "-A"});
  auto staged = CheckJson(repo, {"--staged"}, 0);
  CHECK(Skipped(staged, "model.bin", "lfs_pointer"));
  const std::string base = repo.Head();
  repo.Commit("model");
  auto range = CheckJson(repo, {"--base", base}, 0);
  CHECK(Skipped(range, "model.bin", "lfs_pointer"));
  auto audit = CheckJson(repo, {"--worktree"}, 0);
  CHECK(Skipped(audit, "model.bin", "lfs_pointer"));
}

TEST_CASE("a corrupt object in the repository fails closed naming it", "[e2e][hostile]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  repo.Write("notes.txt", "hello\n");
  repo.Commit("notes");
  const std::string blob = repo.Git({"rev-parse", "HEAD:notes.txt"}).substr(0, 40);
  const std::string object =
      repo.path() + "/.git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  {
    std::ofstream corrupt(object, std::ios::binary | std::ios::trunc);
    corrupt << "this is not zlib";
  }
  auto result = Check(repo, {"--base", base});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("riskgate: error:") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("an octopus merge in a range is judged through each of its branches", "[e2e][hostile]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  for (const std::string branch : {"one", "two", "three"}) {
    repo.Git({"checkout", "-q", "-b", branch, base});
    // A GitLab token (no embedded checksum) made distinct per branch.
    const std::string token = FakeGitlabToken();
    repo.Write(branch + ".env",
               "TOKEN=" + token.substr(0, token.size() - branch.size()) + branch + "\n");
    repo.Commit(branch);
  }
  repo.Git({"checkout", "-q", base});
  repo.Git({"merge", "-q", "--no-edit", "one", "two", "three"});
  auto doc = CheckJson(repo, {"--base", base}, 1);
  std::set<std::string> paths;
  for (const auto& f : doc["findings"]) paths.insert(f["path"].get<std::string>());
  CHECK(paths == std::set<std::string>{"one.env", "two.env", "three.env"});
  CHECK(doc["scope"]["commits"] == 4);
}

TEST_CASE("100,000 files in one commit are all judged", "[e2e][hostile]") {
  TempRepo repo;
  const std::string base = repo.Commit("init");
  // git fast-import builds the commit without 100,000 files on disk; all but one share a blob.
  const std::string secret = "TOKEN=" + FakeGithubToken() + "\n";
  std::string stream = "blob\nmark :1\ndata 6\nvalue\nblob\nmark :2\ndata " +
                       std::to_string(secret.size()) + "\n" + secret +
                       "commit refs/heads/big\ncommitter T <t@example.com> 1700000000 +0000\n"
                       "data 4\nbig\nfrom " +
                       base + "\n";
  for (int i = 0; i < 100000; ++i) {
    stream += "M 100644 " + std::string(i == 54321 ? ":2" : ":1") + " d" + std::to_string(i % 100) +
              "/f" + std::to_string(i) + ".txt\n";
  }
  stream += "\n";
  const std::string stream_path = repo.path() + "/../fast-import-" + std::to_string(::getpid());
  {
    std::ofstream out(stream_path, std::ios::binary);
    out << stream;
  }
  REQUIRE(Shell("git fast-import --quiet < " + stream_path, repo.path()).exit_code == 0);
  std::filesystem::remove(stream_path);
  auto doc = CheckJson(repo, {"--base", base, "--head", "big"}, 1);
  CHECK(doc["scope"]["files_scanned"] == 100000);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "d21/f54321.txt");
}

}  // namespace riskgate::testing
