#include "app/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace riskgate::app {

core::Result<void> WriteFileAtomically(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    return core::MakeError(core::ErrorCode::kIo,
                           std::string("cannot create a temporary file: ") + std::strerror(errno),
                           path);
  }
  auto fail = [&](const char* what) -> core::Result<void> {
    const int err = errno;
    ::close(fd);
    ::unlink(name.data());
    return core::MakeError(core::ErrorCode::kIo, std::string(what) + ": " + std::strerror(err),
                           path);
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<std::size_t>(n);
  }
  // A replaced file keeps its mode bits (an executable script stays executable, a private file
  // private); a new one gets 0644.
  mode_t mode = 0644;
  if (struct stat existing{}; ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    mode = existing.st_mode & 07777;
  }
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    ::unlink(name.data());
    return core::MakeError(core::ErrorCode::kIo,
                           std::string("cannot close: ") + std::strerror(errno), path);
  }
  if (::rename(name.data(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(name.data());
    return core::MakeError(core::ErrorCode::kIo,
                           std::string("cannot replace the file: ") + std::strerror(err), path);
  }
  return {};
}

core::Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::MakeError(core::ErrorCode::kIo,
                           std::string("cannot open: ") + std::strerror(errno), path);
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return core::MakeError(core::ErrorCode::kIo, "cannot read", path);
  return text;
}

}  // namespace riskgate::app
