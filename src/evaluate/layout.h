// Stage 3 (evaluate): what the controls must know about the repository before the change is
// collected, because a file's role depends on another file: GitLab CI files are whatever
// `.gitlab-ci.yml` includes. Discovery reads only through the reader the app passes in.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "policy/policy.h"

namespace riskgate::evaluate {

// Reads a file as the scope judges the repository; nullopt when it is not there.
using FileReader = std::function<core::Result<std::optional<std::string>>(const std::string& path)>;
// Lists every path the reader can read (to expand include globs); called at most once.
using PathLister = std::function<core::Result<std::vector<std::string>>()>;

struct RepositoryLayout {
  // Local files (paths or globs) that .gitlab-ci.yml includes, directly or through each other.
  std::vector<std::string> gitlab_ci_includes;
};

// Reads what the enabled controls need; a read error is returned, never ignored.
core::Result<RepositoryLayout> DiscoverLayout(const policy::Policy& policy, const FileReader& read,
                                              const PathLister& list);

}  // namespace riskgate::evaluate
