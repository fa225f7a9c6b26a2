// Stage 3 (evaluate): which pipeline-configuration files the pins control reads, by path (and
// for scripts without an extension, by shebang).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

enum class FileKind {
  kNone,
  kGithubWorkflow,  // .github/workflows/*.yml|yaml
  kActionMetadata,  // action.yml|yaml anywhere
  kGitlabCi,        // .gitlab-ci.yml, *.gitlab-ci.yml, .gitlab/ci/*.yml, local includes
  kDockerfile,      // Dockerfile*, *.dockerfile, Containerfile*
  kShell,           // *.sh, *.bash, or a file without extension that starts with a shell shebang
  kMaybeShell,      // no extension: decided by content
  kPackageJson,
  kRequirementsTxt,
  kPreCommitConfig,   // .pre-commit-config.yaml at the root
  kDependabotConfig,  // .github/dependabot.yml
};

FileKind ClassifyPath(std::string_view path);
// As above, and a file that .gitlab-ci.yml includes (a path or glob of `gitlab_includes`) is
// GitLab CI whatever its name.
FileKind ClassifyPath(std::string_view path, const std::vector<std::string>& gitlab_includes);

// True when `content` starts with a shebang of a POSIX shell (sh, bash, dash, ksh, zsh).
bool HasShellShebang(std::string_view content);

}  // namespace riskgate::evaluate::pins
