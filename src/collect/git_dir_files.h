// Stage 1 (collect): a look at a repository's own files before libgit2 opens them. libgit2
// opens and reads HEAD, the configuration and what it includes, refs, the index, the
// multi-pack index and `objects/info/alternates` with plain blocking reads: a FIFO there (a
// poisoned cache, a hostile machine) makes a run wait forever, and a device makes it read
// forever. Input: the git folder discovery found and the index file the environment names;
// output: nothing, or an error naming the first such file. Only stats, and small bounded reads
// of `commondir`, HEAD and the configuration (for the files it includes).
#pragma once

#include <optional>
#include <string>

#include "core/error.h"

namespace riskgate::collect {

// Refuses `git_dir` when a file git keeps there (or in its common folder, `commondir`) or
// `index_file` ("" for the git folder's `index`) exists and is not a regular file.
core::Result<void> CheckGitFiles(const std::string& git_dir, const std::string& index_file);

// The folder libgit2 (Unix) reads an include's `~/` from, as it finds it when it starts: the
// effective user's home in the passwd entry when the process runs setuid or
// APP_SANDBOX_CONTAINER_ID is set, else HOME; nullopt when that is unset or empty (libgit2 then
// has no global folder and opens no `~/` include).
std::optional<std::string> LibgitHome();

}  // namespace riskgate::collect
