#include "collect/git_dir_files.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include "collect/git_config_includes.h"
#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::collect {
namespace {

// An error when `path` exists (symlinks followed) and is not a regular file.
core::Result<void> RequireFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return {};  // absent (or unreadable: libgit2 says why)
  if (S_ISREG(st.st_mode)) return {};
  return core::MakeError(core::ErrorCode::kRepository,
                         "a file of the repository's own " + NotAFile(st.st_mode) +
                             ": riskgate does not open it (a read could wait or run forever); "
                             "put back the file git keeps there",
                         path);
}

// The first line of a small file of the git folder (`commondir`, HEAD), if it is a file.
std::string FirstLine(const std::string& path) {
  auto text = ReadFileIfPresent(path, ReadLimits{4096});
  if (!text || !*text) return "";
  const std::string_view line =
      core::TrimSpace(std::string_view(**text).substr(0, (*text)->find('\n')));
  return std::string(line);
}

// The files a git configuration file includes (collect/git_config_includes.h), resolved as
// libgit2 resolves them: `~/` from `home` (LibgitHome()), a relative path from the file's folder.
// A file that cannot be read whole (past the read limit, unreadable) is an error: libgit2 would
// read it, and whatever it includes, unseen.
core::Result<std::vector<std::string>> IncludedFiles(const std::string& config,
                                                     const std::optional<std::string>& home) {
  std::vector<std::string> out;
  auto text = ReadFileIfPresent(config, ReadLimits{});
  if (!text) return tl::unexpected(text.error());
  if (!*text) return out;
  for (std::string& path : ConfigIncludePaths(**text)) {
    if (path.starts_with("~/")) {
      if (!home) continue;  // libgit2 has no global folder: it opens no `~/` include
      path = *home + path.substr(1);
    } else if (!std::filesystem::path(path).is_absolute()) {
      path = (std::filesystem::path(config).parent_path() / path).string();
    }
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace

std::optional<std::string> LibgitHome() {
  const char* home = nullptr;
  std::vector<char> buffer;
  if (std::getenv("APP_SANDBOX_CONTAINER_ID") != nullptr || ::getuid() != ::geteuid()) {
    // libgit2's get_passwd_home: the effective user's entry.
    const long hint = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    buffer.resize(hint > 0 ? static_cast<std::size_t>(hint) : 1024);
    struct passwd entry;
    struct passwd* found = nullptr;
    int error = 0;
    while ((error = ::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found)) ==
               ERANGE &&
           buffer.size() <= 8192) {
      buffer.resize(buffer.size() * 2);
    }
    if (error == 0 && found != nullptr) home = found->pw_dir;
  } else {
    home = std::getenv("HOME");
  }
  if (home == nullptr || *home == '\0') return std::nullopt;
  return std::string(home);
}

core::Result<void> CheckGitFiles(const std::string& git_dir, const std::string& index_file) {
  namespace fs = std::filesystem;
  const fs::path dir(git_dir);
  fs::path common = dir;
  if (auto ok = RequireFile((dir / "commondir").string()); !ok) return ok;
  if (const std::string named = FirstLine((dir / "commondir").string()); !named.empty()) {
    common = fs::path(named).is_absolute() ? fs::path(named) : dir / named;
  }
  std::vector<fs::path> files = {dir / "HEAD", dir / "config", dir / "gitdir", dir / "shallow",
                                 index_file.empty() ? dir / "index" : fs::path(index_file)};
  for (const char* name :
       {"config", "config.worktree", "packed-refs", "shallow", "objects/info/alternates",
        "info/grafts", "objects/pack/multi-pack-index"}) {
    files.push_back(common / name);
  }
  for (const auto& file : files) {
    if (auto ok = RequireFile(file.string()); !ok) return ok;
  }
  // What the repository's configuration includes, and what that includes, as deep as git
  // follows includes (10): libgit2 reads them all at open. Each file checked is read once.
  constexpr int kMaxIncludeDepth = 10;
  std::vector<std::string> level = {(dir / "config").string(), (common / "config").string(),
                                    (common / "config.worktree").string()};
  std::set<std::string> seen(level.begin(), level.end());
  const std::optional<std::string> home = LibgitHome();
  for (int depth = 0; depth < kMaxIncludeDepth && !level.empty(); ++depth) {
    std::vector<std::string> next;
    for (const std::string& config : level) {
      auto includes = IncludedFiles(config, home);
      if (!includes) return tl::unexpected(includes.error());
      for (std::string& included : *includes) {
        if (auto ok = RequireFile(included); !ok) return ok;
        if (seen.insert(included).second) next.push_back(std::move(included));
      }
    }
    level = std::move(next);
  }
  // The branch HEAD names, as a loose ref (in the worktree's folder or the common one).
  if (auto ok = RequireFile((dir / "HEAD").string()); ok) {
    const std::string head = FirstLine((dir / "HEAD").string());
    if (head.starts_with("ref: ") && head.find("..") == std::string::npos) {
      const std::string ref = head.substr(5);
      if (auto in_dir = RequireFile((dir / ref).string()); !in_dir) return in_dir;
      if (auto in_common = RequireFile((common / ref).string()); !in_common) return in_common;
    }
  }
  return {};
}

}  // namespace riskgate::collect
