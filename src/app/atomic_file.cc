#include "app/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "collect/safe_read.h"

namespace riskgate::app {
namespace {

namespace fs = std::filesystem;

core::Error IoError(const std::string& what, const std::string& path) {
  return core::Error{core::ErrorCode::kIo, what, path};
}

std::optional<int> FdNumber(std::string_view digits) {
  int fd = -1;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
  if (ec != std::errc() || end != digits.data() + digits.size() || fd < 0) return std::nullopt;
  return fd;
}

// The descriptor `path` names when it is (or a chain of symlinks leads to) /dev/stdout,
// /dev/stderr, /dev/fd/N or /proc/self/fd/N: writing there must use the open stream, not
// replace whatever file the stream happens to be.
std::optional<int> StreamFd(const std::string& path) {
  std::error_code ec;
  fs::path current = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  for (int hops = 0; hops < 40; ++hops) {
    const std::string text = current.lexically_normal().string();
    if (text == "/dev/stdout") return STDOUT_FILENO;
    if (text == "/dev/stderr") return STDERR_FILENO;
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
      if (text.starts_with(prefix)) return FdNumber(std::string_view(text).substr(prefix.size()));
    }
    if (!fs::is_symlink(current, ec)) return std::nullopt;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) return std::nullopt;
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return std::nullopt;
}

core::Result<void> WriteAll(int fd, std::string_view content, const std::string& path) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return tl::unexpected(IoError(std::string("cannot write: ") + std::strerror(errno), path));
    }
    written += static_cast<std::size_t>(n);
  }
  return {};
}

// A character device or FIFO: opened as it is (no create, no truncate, no rename).
core::Result<void> WriteInPlace(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return tl::unexpected(IoError(std::string("cannot open: ") + std::strerror(errno), path));
  auto written = WriteAll(fd, content, path);
  ::close(fd);
  return written;
}

core::Result<void> ReplaceRegular(const std::string& path, std::string_view content) {
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  if (struct stat folder{}; ::stat(dir.c_str(), &folder) != 0 || !S_ISDIR(folder.st_mode)) {
    return tl::unexpected(IoError("its folder does not exist", path));
  }
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    return tl::unexpected(IoError(
        std::string("cannot create a temporary file beside it: ") + std::strerror(errno), path));
  }
  auto fail = [&](const std::string& why) -> core::Result<void> {
    ::close(fd);
    ::unlink(name.data());
    return tl::unexpected(IoError(why, path));
  };
  if (auto written = WriteAll(fd, content, path); !written) return fail(written.error().message);
  // A replaced file keeps its mode bits (an executable script stays executable, a private file
  // private); a new one gets 0644.
  mode_t mode = 0644;
  if (struct stat existing{}; ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    mode = existing.st_mode & 07777;
  }
  if (::fchmod(fd, mode) != 0) {
    return fail(std::string("cannot set permissions: ") + std::strerror(errno));
  }
  if (::fsync(fd) != 0) return fail(std::string("cannot sync: ") + std::strerror(errno));
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(name.data());
    return tl::unexpected(IoError(std::string("cannot close: ") + std::strerror(err), path));
  }
  if (::rename(name.data(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(name.data());
    return tl::unexpected(
        IoError(std::string("cannot replace the file: ") + std::strerror(err), path));
  }
  return {};
}

}  // namespace

core::Result<void> WriteFileAtomically(const std::string& path, std::string_view content,
                                       const WriteOptions& options) {
  if (path.empty()) return tl::unexpected(IoError("cannot write a file with an empty name", path));
  if (!options.confine_to.empty() && !collect::ResolvesInside(path, options.confine_to)) {
    return tl::unexpected(
        IoError("leads outside the repository (.. or a symlink); refusing to write it", path));
  }
  if (options.folders == WriteOptions::Folders::kCreate) {
    std::error_code ec;
    const auto folder = fs::path(path).parent_path();
    if (!folder.empty()) fs::create_directories(folder, ec);
    if (ec) {
      return tl::unexpected(IoError("cannot create its folder: " + ec.message(), path));
    }
  }
  if (auto fd = StreamFd(path)) {
    if (!options.confine_to.empty()) {
      return tl::unexpected(IoError("is a stream, not a file of the repository", path));
    }
    return WriteAll(*fd, content, path);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      return tl::unexpected(IoError(std::string("cannot stat: ") + std::strerror(errno), path));
    }
    return ReplaceRegular(path, content);  // new (or a dangling symlink: the link is replaced)
  }
  // A symlink to a regular file is replaced itself (rename), so a write never lands outside the
  // folder it names.
  if (S_ISREG(st.st_mode)) return ReplaceRegular(path, content);
  if ((S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) && options.confine_to.empty()) {
    return WriteInPlace(path, content);
  }
  if (S_ISDIR(st.st_mode)) return tl::unexpected(IoError("is a folder, not a file", path));
  return tl::unexpected(IoError("is not a regular file; refusing to write it", path));
}

std::string OutputIdentity(const std::string& path) {
  if (auto fd = StreamFd(path)) return "fd:" + std::to_string(*fd);
  std::error_code ec;
  auto resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return fs::absolute(path, ec).lexically_normal().string();
  return resolved.string();
}

}  // namespace riskgate::app
