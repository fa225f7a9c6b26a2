// Stage 1 (collect): what the history walk (git_history_walk.cc, history_starts.cc) and the
// history source (git_history_source.cc) need of libgit2: a handle of their own, the error for
// a failed libgit2 call, and whether the clone is partial (blobs and parents may be missing on
// purpose). Only those files include it.
#pragma once

#include <string>

#include "collect/git_internal.h"
#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::collect::history_internal {

// `what` failed, with libgit2's reason.
core::Error RepoError(const std::string& what);
// A libgit2 handle on `repo` for the caller alone (handles are not shared between threads).
core::Result<git_repository*> OpenHandle(const GitRepository& repo);
// A partial clone (`git clone --filter=...`) names a promisor remote in its config
// (`remote.<name>.promisor`, or `extensions.partialclone` from older git).
bool IsPartialClone(git_repository* repo);

}  // namespace riskgate::collect::history_internal
