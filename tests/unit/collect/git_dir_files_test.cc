#include "collect/git_dir_files.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "collect/safe_read.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

void Put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A git folder as git leaves it: HEAD on a loose branch, a config, an index.
void GitFolder(const fs::path& dir) {
  Put(dir / "HEAD", "ref: refs/heads/main\n");
  Put(dir / "config", "[core]\n\tbare = false\n");
  Put(dir / "index", "DIRC");
  Put(dir / "refs/heads/main", std::string(40, 'a') + "\n");
  fs::create_directories(dir / "objects/info");
}

// The path of the file CheckGitFiles refuses, or "" when it refuses none.
std::string Refused(const fs::path& dir, const std::string& index_file = "") {
  auto checked = CheckGitFiles(dir.string(), index_file);
  if (checked) return "";
  CHECK_THAT(checked.error().message, Catch::Contains("not a regular file"));
  return checked.error().location;
}

// An environment variable set (or, with null, unset) for one scope, put back after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* was = std::getenv(name)) was_ = was;
    Set(value);
  }
  ~ScopedEnv() { Set(was_ ? was_->c_str() : nullptr); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void Set(const char* value) {
    if (value != nullptr) {
      ::setenv(name_, value, 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> was_;
};

}  // namespace

TEST_CASE("a git folder whose files are files passes, and a FIFO or device among them is named",
          "[collect][git_dir_files]") {
  TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / ".git";
  GitFolder(dir);
  CHECK(Refused(dir).empty());
  fs::create_directories(dir / "objects/pack");
  for (const char* name :
       {"config", "index", "HEAD", "packed-refs", "shallow", "objects/info/alternates",
        "objects/pack/multi-pack-index", "refs/heads/main"}) {
    const fs::path file = dir / name;
    const bool existed = fs::exists(file);
    if (existed) fs::rename(file, file.string() + ".real");
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    CHECK(Refused(dir) == file.string());
    fs::remove(file);
    if (existed) fs::rename(file.string() + ".real", file);
  }
  // A device behind a symlink, and the index file the environment names.
  fs::rename(dir / "config", dir / "config.real");
  fs::create_symlink("/dev/zero", dir / "config");
  CHECK(Refused(dir) == (dir / "config").string());
  fs::remove(dir / "config");
  fs::rename(dir / "config.real", dir / "config");
  const fs::path fifo = fs::path(tmp.path()) / "next-index";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(Refused(dir, fifo.string()) == fifo.string());
  CHECK(Refused(dir).empty());
  // What the configuration includes, relative to it or absolute, in [include] or [includeIf].
  Put(dir / "config",
      "[core]\n\tbare = false\n[include]\n\tpath = extra.cfg\n"
      "[includeIf \"gitdir:/x/\"]\n  path = \"" +
          fifo.string() + "\"\n");
  CHECK(Refused(dir) == fifo.string());
  fs::remove(fifo);
  REQUIRE(::mkfifo((dir / "extra.cfg").c_str(), 0600) == 0);
  CHECK(Refused(dir) == (dir / "extra.cfg").string());
  fs::remove(dir / "extra.cfg");
  Put(dir / "extra.cfg", "[user]\n\tname = x\n");
  CHECK(Refused(dir).empty());
  // Includes of includes, as deep as git follows them; a loop of includes ends.
  const fs::path deep_fifo = fs::path(tmp.path()) / "deep-fifo";
  REQUIRE(::mkfifo(deep_fifo.c_str(), 0600) == 0);
  Put(dir / "extra.cfg", "[include]\n\tpath = deeper.cfg\n");
  Put(dir / "deeper.cfg",
      "[include]\n\tpath = extra.cfg\n[include]\n\tpath = " + deep_fifo.string() + "\n");
  CHECK(Refused(dir) == deep_fifo.string());
  fs::remove(deep_fifo);
  CHECK(Refused(dir).empty());
  // Spellings libgit2 reads as includes that a line scan missed: a key after the header on its
  // line, a path continued over lines, an escaped quote in it (collect/git_config_includes.h).
  const fs::path odd_fifo = fs::path(tmp.path()) / "odd\"fifo";
  REQUIRE(::mkfifo(odd_fifo.c_str(), 0600) == 0);
  const std::string folder = fs::path(tmp.path()).string();
  for (const std::string& spelled :
       {"[include] path = " + folder + "/odd\\\"fifo\n",
        "[include]\n\tpath = " + folder + "/odd\\\n; a comment\n\\\"fifo\n"}) {
    Put(dir / "config", "[core]\n\tbare = false\n" + spelled);
    CHECK(Refused(dir) == odd_fifo.string());
  }
  // A configuration too large to read here is refused, not taken as including nothing.
  Put(dir / "config", "[include] path = " + odd_fifo.string() + "\n" +
                          std::string(static_cast<std::size_t>(kMaxPolicyFileBytes), '\n'));
  auto large = CheckGitFiles(dir.string(), "");
  REQUIRE_FALSE(large.has_value());
  CHECK(large.error().location == (dir / "config").string());
  Put(dir / "config", "[core]\n\tbare = false\n");
  CHECK(Refused(dir).empty());
}

TEST_CASE("a linked worktree's files are checked in its folder and in the common one",
          "[collect][git_dir_files]") {
  TempDir tmp;
  const fs::path common = fs::path(tmp.path()) / "main/.git";
  GitFolder(common);
  const fs::path dir = common / "worktrees/feature";
  Put(dir / "HEAD", "ref: refs/heads/feature\n");
  Put(dir / "commondir", "../..\n");
  Put(dir / "gitdir", "/elsewhere/feature/.git\n");
  Put(common / "refs/heads/feature", std::string(40, 'b') + "\n");
  CHECK(Refused(dir).empty());
  REQUIRE(::mkfifo((common / "packed-refs").c_str(), 0600) == 0);
  CHECK(Refused(dir) == (dir / "../..").string() + "/packed-refs");
  fs::remove(common / "packed-refs");
  fs::remove(common / "refs/heads/feature");
  REQUIRE(::mkfifo((common / "refs/heads/feature").c_str(), 0600) == 0);
  CHECK(Refused(dir) == (dir / "../.." / "refs/heads/feature").string());
}

TEST_CASE("an include from ~/ is checked in the home libgit2 reads it from",
          "[collect][git_dir_files]") {
  TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / ".git";
  GitFolder(dir);
  const fs::path home = fs::path(tmp.path()) / "home";
  fs::create_directories(home);
  REQUIRE(::mkfifo((home / "fifo.cfg").c_str(), 0600) == 0);
  Put(dir / "config", "[core]\n\tbare = false\n[include]\n\tpath = ~/fifo.cfg\n");
  const ScopedEnv not_sandboxed("APP_SANDBOX_CONTAINER_ID", nullptr);
  REQUIRE(::getuid() == ::geteuid());
  {
    const ScopedEnv set("HOME", home.c_str());
    CHECK(LibgitHome() == home.string());
    CHECK(Refused(dir) == (home / "fifo.cfg").string());
  }
  // Unset or empty, libgit2 has no global folder and opens no ~/ include (a repository opens
  // without it; git_config_open_ondisk says "the global directory doesn't exist"): nothing to
  // refuse here (hostile case staged_config_home_include_fifo).
  for (const char* value : {static_cast<const char*>(nullptr), ""}) {
    const ScopedEnv unset("HOME", value);
    CHECK_FALSE(LibgitHome().has_value());
    CHECK(Refused(dir).empty());
  }
  // Where it is told it runs in a macOS sandbox, libgit2 takes the passwd entry's home, not HOME.
  {
    const ScopedEnv set("HOME", home.c_str());
    const ScopedEnv sandboxed("APP_SANDBOX_CONTAINER_ID", "1");
    const struct passwd* entry = ::getpwuid(::geteuid());
    if (entry != nullptr && entry->pw_dir != nullptr && *entry->pw_dir != '\0') {
      CHECK(LibgitHome() == std::string(entry->pw_dir));
      CHECK(LibgitHome() != home.string());
    } else {
      CHECK_FALSE(LibgitHome().has_value());
    }
  }
}

}  // namespace riskgate::collect
