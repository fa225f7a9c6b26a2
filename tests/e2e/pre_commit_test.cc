// End to end with the real `pre-commit` client (Debian package pre-commit) driving riskgate
// through this repository's .pre-commit-hooks.yaml.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// A temp repository whose .pre-commit-config.yaml points at this source repository's HEAD, with
// the hook installed; riskgate is found on PATH as `language: system` expects.
class PreCommitRepo {
 public:
  // `hook_options`: more keys of the riskgate hook in the repository's config, each line
  // indented for it ("        args: [x]\n").
  explicit PreCommitRepo(const std::string& hook_options = "") {
    auto source_head = Run({"git", "rev-parse", "HEAD"}, SourceDir(), {{"GIT_DIR", ""}});
    REQUIRE(source_head.exit_code == 0);
    const std::string bin_dir = std::filesystem::path(RiskgateBinary()).parent_path().string();
    env_ = {{"PATH", bin_dir + ":" + std::string(std::getenv("PATH"))},
            {"PRE_COMMIT_HOME", cache_.path()},
            {"GIT_AUTHOR_NAME", "t"},
            {"GIT_AUTHOR_EMAIL", "t@example.com"},
            {"GIT_COMMITTER_NAME", "t"},
            {"GIT_COMMITTER_EMAIL", "t@example.com"}};
    NotUnderCi(env_);  // the hooks run on a developer's laptop, also when this suite runs in CI
    repo_.Write(".pre-commit-config.yaml",
                "repos:\n  - repo: " + SourceDir() + "\n    rev: " + Trim(source_head.out) +
                    "\n    hooks:\n      - id: riskgate\n" + hook_options);
    repo_.Write("README.md", "hello\n");
    repo_.Commit("init");
    auto install = PreCommit({"install"});
    INFO(install.out << install.err);
    REQUIRE(install.exit_code == 0);
  }
  TempRepo& repo() { return repo_; }
  ProcessResult Git(const std::vector<std::string>& args) { return Tool("git", args); }
  ProcessResult PreCommit(const std::vector<std::string>& args) { return Tool("pre-commit", args); }
  // An empty bare repository as `origin`, and the hook installed for pre-push too.
  void AddRemoteAndPrePushHook() {
    REQUIRE(Run({"git", "init", "-q", "--bare", remote_.path()}).exit_code == 0);
    repo_.Git({"remote", "add", "origin", remote_.path()});
    auto hook = PreCommit({"install", "--hook-type", "pre-push"});
    INFO(hook.out << hook.err);
    REQUIRE(hook.exit_code == 0);
  }
  const TempDir& remote() const { return remote_; }

 private:
  ProcessResult Tool(const std::string& tool, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {tool};
    argv.insert(argv.end(), args.begin(), args.end());
    return Run(argv, repo_.path(), env_);
  }
  TempDir cache_;
  TempDir remote_;
  TempRepo repo_;
  std::map<std::string, std::string> env_;
};

}  // namespace

TEST_CASE("pre-commit refuses a commit that adds a secret and shows the finding",
          "[e2e][pre-commit]") {
  PreCommitRepo pc;
  pc.repo().Write("config.py", "TOKEN = \"" + FakeGithubToken() + "\"\n");
  pc.repo().Git({"add", "config.py"});
  auto commit = pc.Git({"commit", "-m", "add config"});
  INFO(commit.out << commit.err);
  CHECK(commit.exit_code != 0);
  const std::string all = commit.out + commit.err;
  CHECK(all.find("BLOCK config.py:1") != std::string::npos);
  CHECK(all.find(FakeGithubToken()) == std::string::npos);
}

TEST_CASE("pre-commit lets a clean commit through", "[e2e][pre-commit]") {
  PreCommitRepo pc;
  pc.repo().Write("app.py", "print('hello')\n");
  pc.repo().Git({"add", "app.py"});
  auto commit = pc.Git({"commit", "-m", "clean"});
  INFO(commit.out << commit.err);
  CHECK(commit.exit_code == 0);
}

TEST_CASE("git commit -a and git commit <path> are judged on what they commit",
          "[e2e][pre-commit]") {
  PreCommitRepo pc;
  pc.repo().Write("app.py", "print('v1')\n");
  pc.repo().Git({"add", "app.py"});
  REQUIRE(pc.Git({"commit", "-q", "-m", "app"}).exit_code == 0);
  // Modified but not staged: only `commit -a` or `commit app.py` would commit it.
  pc.repo().Write("app.py", "print('v1')\nKEY = \"" + FakeAwsKeyId() + "\"\n");
  auto all = pc.Git({"commit", "-a", "-m", "commit -a"});
  INFO(all.out << all.err);
  CHECK(all.exit_code != 0);
  CHECK((all.out + all.err).find("BLOCK app.py:2") != std::string::npos);
  auto partial = pc.Git({"commit", "-m", "partial", "app.py"});
  INFO(partial.out << partial.err);
  CHECK(partial.exit_code != 0);
  CHECK((partial.out + partial.err).find("BLOCK app.py:2") != std::string::npos);
  // The same working-tree edit is not judged by a commit that does not include it.
  pc.repo().Write("other.txt", "unrelated\n");
  pc.repo().Git({"add", "other.txt"});
  auto other = pc.Git({"commit", "-m", "other only"});
  INFO(other.out << other.err);
  CHECK(other.exit_code == 0);
}

TEST_CASE("issue 19: the riskgate hook installed for pre-push judges the pushed commits",
          "[e2e][pre-commit]") {
  PreCommitRepo pc;
  pc.AddRemoteAndPrePushHook();
  REQUIRE(pc.Git({"push", "-q", "origin", "HEAD:refs/heads/main"}).exit_code == 0);
  // A commit hook would have stopped this; --no-verify skips it, as a hurried developer might.
  pc.repo().Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  pc.repo().Git({"add", "deploy.sh"});
  REQUIRE(pc.Git({"commit", "-q", "--no-verify", "-m", "deploy"}).exit_code == 0);
  auto push = pc.Git({"push", "origin", "HEAD:refs/heads/main"});
  INFO(push.out << push.err);
  CHECK(push.exit_code != 0);
  CHECK((push.out + push.err).find("BLOCK deploy.sh:1") != std::string::npos);
  CHECK((push.out + push.err).find(FakeGithubToken()) == std::string::npos);
}

TEST_CASE("issue 19: the first push of a repository judges every commit from the root",
          "[e2e][pre-commit]") {
  // pre-commit names no range for a push that reaches a root commit (only the remote): the
  // hook must not judge the empty index and pass.
  PreCommitRepo pc;
  pc.AddRemoteAndPrePushHook();
  pc.repo().Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  pc.repo().Git({"add", "deploy.sh"});
  REQUIRE(pc.Git({"commit", "-q", "--no-verify", "-m", "deploy"}).exit_code == 0);
  // Removed again before the push: the secret is in the pushed history, not in the tree.
  pc.repo().Git({"rm", "-q", "deploy.sh"});
  REQUIRE(pc.Git({"commit", "-q", "--no-verify", "-m", "oops"}).exit_code == 0);
  auto push = pc.Git({"push", "origin", "HEAD:refs/heads/main"});
  INFO(push.out << push.err);
  CHECK(push.exit_code != 0);
  CHECK((push.out + push.err).find("BLOCK deploy.sh:1") != std::string::npos);
  CHECK((push.out + push.err).find(FakeGithubToken()) == std::string::npos);
  CHECK(Run({"git", "--git-dir", pc.remote().path(), "rev-parse", "-q", "--verify",
             "refs/heads/main"})
            .exit_code != 0);
}

TEST_CASE("issue 19: pre-commit run --all-files judges every file as it is on disk",
          "[e2e][pre-commit]") {
  PreCommitRepo pc;
  pc.repo().Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  pc.repo().Write("app.py", "print('hello')\n");
  pc.repo().Git({"add", "deploy.sh", "app.py"});
  REQUIRE(pc.Git({"commit", "-q", "--no-verify", "-m", "committed past the hook"}).exit_code == 0);
  // Nothing is staged: before, the hook judged the empty index and passed.
  auto all = pc.PreCommit({"run", "--all-files"});
  INFO(all.out << all.err);
  CHECK(all.exit_code != 0);
  CHECK((all.out + all.err).find("BLOCK deploy.sh:1") != std::string::npos);
  CHECK((all.out + all.err).find("the named files as they are in the working tree") !=
        std::string::npos);
  CHECK((all.out + all.err).find(FakeGithubToken()) == std::string::npos);
  // --files asks about the files named, and only about them.
  auto clean = pc.PreCommit({"run", "--files", "app.py"});
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  auto named = pc.PreCommit({"run", "--files", "deploy.sh"});
  CHECK(named.exit_code != 0);
  CHECK((named.out + named.err).find("BLOCK deploy.sh:1") != std::string::npos);
}

TEST_CASE("issue 19: a file named like an option is a file name to the hook, not an option",
          "[e2e][pre-commit][hostile]") {
  PreCommitRepo pc;
  // The change brings a policy that turns secrets off and a file whose name would select it.
  pc.repo().Write("off.yaml", "version: 1\ncontrols:\n  secrets:\n    enabled: false\n");
  pc.repo().Write("--policy=off.yaml", "x\n");
  pc.repo().Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  pc.repo().Git({"add", "--", "off.yaml", "--policy=off.yaml", "deploy.sh"});
  REQUIRE(pc.Git({"commit", "-q", "--no-verify", "-m", "evade"}).exit_code == 0);
  auto all = pc.PreCommit({"run", "--all-files"});
  INFO(all.out << all.err);
  CHECK(all.exit_code != 0);
  CHECK((all.out + all.err).find("BLOCK deploy.sh:1") != std::string::npos);
  CHECK((all.out + all.err).find("policy: builtin:default") != std::string::npos);
}

TEST_CASE("issue 19: a config's args and files cannot narrow the commit hook off a staged secret",
          "[e2e][pre-commit][hostile]") {
  // The repository's own .pre-commit-config.yaml filters the staged files away and names an
  // unchanged file instead: the names reach beyond the staged change, and the staged change
  // must still be judged.
  PreCommitRepo pc("        files: ^nothing-matches$\n        args: [README.md]\n");
  pc.repo().Write("deploy.sh", "export GITHUB_TOKEN=" + FakeGithubToken() + "\n");
  pc.repo().Git({"add", "deploy.sh"});
  auto commit = pc.Git({"commit", "-m", "deploy"});
  INFO(commit.out << commit.err);
  CHECK(commit.exit_code != 0);
  CHECK((commit.out + commit.err).find("BLOCK deploy.sh:1") != std::string::npos);
  CHECK((commit.out + commit.err).find(FakeGithubToken()) == std::string::npos);
}

TEST_CASE("install-hook writes a plain hook that blocks, and refuses a foreign one",
          "[e2e][hook]") {
  TempRepo repo;
  repo.Write("README.md", "x\n");
  repo.Commit("init");
  auto install = repo.Riskgate({"install-hook"});
  INFO(install.err);
  REQUIRE(install.exit_code == 0);
  CHECK(repo.Riskgate({"install-hook"}).exit_code == 0);  // ours: replaced quietly
  repo.Write("leak.txt", "k=" + FakeAwsKeyId() + "\n");
  repo.Git({"add", "leak.txt"});
  auto commit = Run({"git", "commit", "-m", "leak"}, repo.path(),
                    {{"GIT_AUTHOR_NAME", "t"},
                     {"GIT_AUTHOR_EMAIL", "t@e"},
                     {"GIT_COMMITTER_NAME", "t"},
                     {"GIT_COMMITTER_EMAIL", "t@e"}});
  CHECK(commit.exit_code != 0);
  // git sends a hook's standard output to its standard error.
  CHECK((commit.out + commit.err).find("BLOCK leak.txt:1") != std::string::npos);

  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
  auto refused = repo.Riskgate({"install-hook"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(repo.Riskgate({"install-hook", "--force"}).exit_code == 0);
}

}  // namespace riskgate::testing
