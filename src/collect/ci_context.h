// Stage 1 (collect): chooses what `riskgate check` judges when no scope flag is given, from the
// environment it runs in: GitHub Actions (event payload), GitLab CI (merge-request variables),
// pre-commit and git hooks (the staged index), or a laptop (staged changes, else the branch
// against its upstream: a dry run of what CI will decide).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "collect/change_collector.h"
#include "core/error.h"

namespace riskgate::collect {

class GitRepository;

// Reads one environment variable; nullopt when unset or empty.
using EnvReader = std::function<std::optional<std::string>(std::string_view name)>;

EnvReader ProcessEnvironment();

struct ScopeChoice {
  core::ScanMode mode = core::ScanMode::kStaged;
  std::string base;
  std::string head;
  std::string source;  // why: "github:pull_request #12", "gitlab:merge_request_event !7", ...
};

// Detects the scope; an error when the platform's data is missing or unusable (never a guess
// that silently judges less than the platform asked for).
core::Result<ScopeChoice> DetectScope(const EnvReader& env, GitRepository& repo);

// The branch and event a run judges, for rules' `when` conditions: a pull or merge request's
// target branch, else the pushed branch, else the branch HEAD is on.
RunContext DetectRunContext(const EnvReader& env, GitRepository& repo);

}  // namespace riskgate::collect
