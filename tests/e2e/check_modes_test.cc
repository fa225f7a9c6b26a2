// End to end: the real binary against real git repositories in temporary folders.
#include <catch2/catch.hpp>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kAws = FakeAwsKeyId();
const std::string kGh = FakeGithubToken();

}  // namespace

TEST_CASE("a staged secret blocks with exit 1 and a clean change passes", "[e2e][staged]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  repo.Write("app.py", "import os\nKEY = \"" + kAws + "\"\n");
  repo.Git({"add", "app.py"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
  CHECK(doc["decision"] == "block");
  CHECK(doc["scope"]["mode"] == "staged");
  CHECK(doc["scope"]["files_scanned"] == 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "app.py");
  CHECK(doc["findings"][0]["line"] == 2);
  CHECK(doc["findings"][0]["commit"].is_null());
  CHECK(doc["findings"][0]["decision"] == "block");

  repo.Git({"reset", "-q"});
  repo.Write("clean.py", "print('hi')\n");
  repo.Git({"add", "clean.py"});
  auto clean = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(clean["decision"] == "pass");
  CHECK(clean["findings"].empty());
}

TEST_CASE("the first commit of a repository (unborn HEAD) is judged", "[e2e][staged]") {
  TempRepo repo;
  repo.Write("config.yml", "token: " + kGh + "\n");
  repo.Git({"add", "config.yml"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
  CHECK(doc["scope"]["head"].is_null());
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["line"] == 1);
}

TEST_CASE("only staged content is judged, not unstaged edits", "[e2e][staged]") {
  TempRepo repo;
  repo.Write("a.txt", "safe\n");
  repo.Commit("init");
  repo.Write("a.txt", "safe\nkey=" + kAws + "\n");
  auto doc = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(doc["findings"].empty());
}

TEST_CASE("GIT_INDEX_FILE is honoured, as in git commit -a and partial commits", "[e2e][staged]") {
  TempRepo repo;
  repo.Write("a.txt", "safe\n");
  repo.Commit("init");
  repo.Write("a.txt", "safe\nkey=" + kAws + "\n");
  const std::string alt_index = repo.path() + "/.git/next-index-42.lock";
  repo.Git({"read-tree", "--index-output=.git/next-index-42.lock", "HEAD"});
  auto add = Run({"git", "add", "a.txt"}, repo.path(), {{"GIT_INDEX_FILE", alt_index}});
  REQUIRE(add.exit_code == 0);
  auto with_env = repo.RiskgateJson({"check", "--staged"}, 1, {{"GIT_INDEX_FILE", alt_index}});
  CHECK(with_env["findings"].size() == 1);
  auto without_env = repo.RiskgateJson({"check", "--staged"}, 0);
  CHECK(without_env["findings"].empty());
}

TEST_CASE("a range judges each commit, so a secret added and removed inside it is caught",
          "[e2e][range]") {
  TempRepo repo;
  repo.Write("README.md", "base\n");
  const std::string base = repo.Commit("base");
  repo.Write("deploy.sh", "#!/bin/sh\nexport GITHUB_TOKEN=" + kGh + "\n");
  const std::string leak = repo.Commit("add deploy script");
  repo.Write("deploy.sh", "#!/bin/sh\nexport GITHUB_TOKEN=\"$CI_TOKEN\"\n");
  repo.Commit("use the CI secret instead");
  auto doc = repo.RiskgateJson({"check", "--base", base, "--head", "HEAD"}, 1);
  CHECK(doc["scope"]["mode"] == "range");
  CHECK(doc["scope"]["base"] == base);
  CHECK(doc["scope"]["commits"] == 2);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == leak);
  CHECK(doc["findings"][0]["path"] == "deploy.sh");
  CHECK(doc["findings"][0]["line"] == 2);
  const auto& fix = doc["findings"][0]["remediation"][0]["detail"].get<std::string>();
  CHECK(fix.find("git filter-repo") != std::string::npos);
}

TEST_CASE("a secret that stays in the range is one finding with its introducing commit",
          "[e2e][range]") {
  TempRepo repo;
  const std::string base = repo.Commit("base");
  repo.Write("a.env", "AWS_ACCESS_KEY_ID=" + kAws + "\n");
  const std::string leak = repo.Commit("leak");
  repo.Write("other.txt", "more\n");
  repo.Commit("unrelated");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == leak);
  CHECK(doc["findings"][0]["occurrences"] == 2);
}

TEST_CASE("secrets already present before the range do not count against it", "[e2e][range]") {
  TempRepo repo;
  repo.Write("old.txt", "key=" + kAws + "\n");
  const std::string base = repo.Commit("old leak");
  repo.Write("old.txt", "key=" + kAws + "\nunrelated line\n");
  repo.Commit("touch the file elsewhere");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 0);
  CHECK(doc["findings"].empty());
}

TEST_CASE("a secret on a merged side branch is found in range mode", "[e2e][range]") {
  TempRepo repo;
  const std::string base = repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("side.txt", "t=" + kGh + "\n");
  const std::string leak = repo.Commit("side leak");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("main.txt", "main work\n");
  repo.Commit("main work");
  repo.Git({"merge", "-q", "--no-edit", "side"});
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["commit"] == leak);
}

TEST_CASE("worktree mode judges every tracked file on disk and no untracked file",
          "[e2e][worktree]") {
  TempRepo repo;
  repo.Write("tracked.txt", "key=" + kAws + "\n");
  repo.Write("clean.txt", "nothing\n");
  repo.Commit("init");
  repo.Write("untracked.txt", "key=" + kGh + "\n");
  auto doc = repo.RiskgateJson({"check", "--worktree"}, 1);
  CHECK(doc["scope"]["mode"] == "worktree");
  CHECK(doc["scope"]["files_scanned"] == 2);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "tracked.txt");
}

TEST_CASE("binary, oversized, symlinked and submodule files are skipped and counted",
          "[e2e][worktree]") {
  TempRepo repo;
  repo.Write("blob.bin", std::string("key=") + kAws + std::string("\0\x01\x02", 3));
  repo.Write("big.txt", std::string(3000, 'a') + "\nkey=" + kAws + "\n");
  repo.Write("small.txt", "ok\n");
  REQUIRE(Shell("ln -s /etc/passwd link", repo.path()).exit_code == 0);
  repo.Commit("init");
  auto doc = repo.RiskgateJson({"check", "--worktree", "--max-file-size", "2000"}, 0);
  CHECK(doc["scope"]["files_scanned"] == 1);
  CHECK(doc["scope"]["files_skipped"] == 3);
  std::map<std::string, std::string> reasons;
  for (const auto& s : doc["scope"]["skipped"]) reasons[s["path"]] = s["reason"];
  CHECK(reasons["blob.bin"] == "binary");
  CHECK(reasons["big.txt"] == "too_large");
  CHECK(reasons["link"] == "symlink");

  auto text = repo.Riskgate({"check", "--worktree", "--max-file-size", "2000"});
  CHECK(text.out.find("skipped 3:") != std::string::npos);
  CHECK(text.out.find("big.txt (too_large)") != std::string::npos);
}

TEST_CASE("binary and oversized files in a range are skipped and counted", "[e2e][range]") {
  TempRepo repo;
  const std::string base = repo.Commit("base");
  repo.Write("blob.bin", std::string("key=") + kAws + std::string("\0\x01", 2));
  repo.Write("big.txt", std::string(3000, 'a') + "\nkey=" + kAws + "\n");
  repo.Commit("add files");
  auto doc = repo.RiskgateJson({"check", "--base", base, "--max-file-size", "2000"}, 0);
  CHECK(doc["scope"]["files_skipped"] == 2);
}

TEST_CASE("a shallow clone whose base is missing fails with the fetch-depth remedy",
          "[e2e][range]") {
  TempRepo origin;
  origin.Write("a.txt", "1\n");
  const std::string first = origin.Commit("one");
  origin.Write("a.txt", "2\n");
  origin.Commit("two");
  origin.Write("a.txt", "3\n");
  origin.Commit("three");
  TempDir dir;
  auto clone =
      Run({"git", "clone", "-q", "--depth", "1", "file://" + origin.path(), "shallow"}, dir.path());
  REQUIRE(clone.exit_code == 0);
  auto result = Run({RiskgateBinary(), "check", "--base", first}, dir.path() + "/shallow");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("shallow clone") != std::string::npos);
  CHECK(result.err.find("fetch-depth: 0") != std::string::npos);
  auto relative = Run({RiskgateBinary(), "check", "--base", "HEAD~2"}, dir.path() + "/shallow");
  CHECK(relative.exit_code == 2);
  CHECK(relative.err.find("fetch-depth: 0") != std::string::npos);
}

}  // namespace riskgate::testing
