// App: the one way riskgate writes a file. A regular file (or a new one) is replaced atomically,
// so readers see the old content or the new, never half of it; a character device or a FIFO
// (/dev/null, a terminal, a pipe) and the standard streams (/dev/stdout, /dev/stderr,
// /dev/fd/N, and symlinks to them) are written in place, never replaced by a regular file;
// folders, sockets and block devices are refused.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::app {

struct WriteOptions {
  // When not empty: the repository's working tree, and `path` must resolve inside it (symlinked
  // folders followed); commands that edit repository files set it.
  std::string confine_to = {};
  enum class Folders { kMustExist, kCreate };
  // kCreate: missing folders of `path` are made (after the confinement check).
  Folders folders = Folders::kMustExist;
};

// Writes `content` to `path`: a regular file goes through a temporary file beside it, synced,
// then renamed over it (an existing file keeps its mode bits, a new one gets 0644; a symlink to
// a regular file is itself replaced, its target left alone).
core::Result<void> WriteFileAtomically(const std::string& path, std::string_view content,
                                       const WriteOptions& options = {});

// What `path` would write to, for telling two outputs apart: "fd:N" for a standard stream, else
// the resolved absolute path (`./r.json` and `r.json` are one file).
std::string OutputIdentity(const std::string& path);

}  // namespace riskgate::app
