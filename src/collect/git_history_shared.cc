#include "collect/git_history_shared.h"

#include "collect/git_internal.h"

namespace riskgate::collect::history_internal {

using git_internal::LastError;

core::Error RepoError(const std::string& what) {
  return core::Error{core::ErrorCode::kRepository, what + ": " + LastError(), ""};
}

core::Result<git_repository*> OpenHandle(const GitRepository& repo) {
  git_repository* handle = nullptr;
  if (git_repository_open(&handle, repo.GitDir().c_str()) != 0) {
    return tl::unexpected(RepoError("cannot open " + repo.GitDir()));
  }
  return handle;
}

bool IsPartialClone(git_repository* repo) {
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo) != 0) return false;
  git_buf value = GIT_BUF_INIT;
  bool partial = git_config_get_string_buf(&value, config, "extensions.partialclone") == 0;
  git_buf_dispose(&value);
  auto promisor = [](const git_config_entry* entry, void* found) {
    int truth = 0;
    if (git_config_parse_bool(&truth, entry->value) == 0 && truth != 0) {
      *static_cast<bool*>(found) = true;
    }
    return 0;
  };
  git_config_foreach_match(config, "^remote\\..*\\.promisor$", promisor, &partial);
  git_config_free(config);
  return partial;
}

}  // namespace riskgate::collect::history_internal
