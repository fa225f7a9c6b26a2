#include "collect/safe_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace riskgate::collect {

std::string NotAFile(unsigned int mode) {
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
  return "is not a regular file";
}

namespace {

core::Error IoError(const std::string& what, const std::string& path) {
  return core::Error{core::ErrorCode::kIo, what, path};
}

std::string Limit(std::int64_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// realpath(3); empty when it fails.
std::string RealPath(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return "";
  std::string out = resolved;
  std::free(resolved);
  return out;
}

bool Within(const std::string& resolved, const std::string& real_root) {
  if (real_root == "/") return true;
  return resolved == real_root ||
         (resolved.size() > real_root.size() && resolved.starts_with(real_root) &&
          resolved[real_root.size()] == '/');
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

core::Result<std::optional<std::string>> ReadFileIfPresent(const std::string& path,
                                                           const ReadLimits& limits) {
  using Content = std::optional<std::string>;
  if (path.empty()) return tl::unexpected(IoError("cannot read a file with an empty name", path));
  if (path.size() >= PATH_MAX) {
    return tl::unexpected(IoError("cannot read: the path is longer than the system allows", ""));
  }
  if (!limits.root.empty()) {
    const std::string resolved = RealPath(path);
    if (resolved.empty()) {
      if (errno == ENOENT) {
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
          return tl::unexpected(IoError("is a symlink to nothing", path));
        }
        return Content();
      }
      return tl::unexpected(IoError(std::string("cannot open: ") + std::strerror(errno), path));
    }
    const std::string real_root = RealPath(limits.root);
    if (real_root.empty() || !Within(resolved, real_root)) {
      return tl::unexpected(
          IoError("leads outside the repository (a symlink?); refusing to read it", path));
    }
  }
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Content();
    return tl::unexpected(IoError(std::string("cannot open: ") + std::strerror(errno), path));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return tl::unexpected(IoError(std::string("cannot stat: ") + std::strerror(errno), path));
  }
  if (!S_ISREG(st.st_mode)) return tl::unexpected(IoError(NotAFile(st.st_mode), path));
  const std::string too_big = "is larger than the " + Limit(limits.max_bytes) + " allowed";
  if (st.st_size > limits.max_bytes) return tl::unexpected(IoError(too_big, path));
  // Read the size fstat gave, then whatever the file has grown by, never past the limit (files
  // in /proc report size 0).
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t filled = 0;
  for (;;) {
    if (filled == text.size()) {
      if (static_cast<std::int64_t>(filled) > limits.max_bytes) {
        return tl::unexpected(IoError(too_big, path));
      }
      const auto grown = std::min<std::int64_t>(limits.max_bytes + 1,
                                                static_cast<std::int64_t>(text.size()) * 2 + 4096);
      text.resize(static_cast<std::size_t>(grown));
    }
    const ssize_t n = ::read(fd.get(), text.data() + filled, text.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      return tl::unexpected(IoError(std::string("cannot read: ") + std::strerror(errno), path));
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  if (static_cast<std::int64_t>(filled) > limits.max_bytes) {
    return tl::unexpected(IoError(too_big, path));
  }
  text.resize(filled);
  return Content(std::move(text));
}

core::Result<std::string> ReadFileBounded(const std::string& path, const ReadLimits& limits) {
  auto text = ReadFileIfPresent(path, limits);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return tl::unexpected(IoError("no such file", path));
  return std::move(**text);
}

bool ResolvesInside(const std::string& path, const std::string& root) {
  std::error_code ec;
  const auto resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) return false;
  const std::string real_root = RealPath(root);
  return !real_root.empty() && Within(resolved.string(), real_root);
}

}  // namespace riskgate::collect
