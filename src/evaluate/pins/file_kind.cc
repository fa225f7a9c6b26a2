#include "evaluate/pins/file_kind.h"

#include "core/path_glob.h"
#include "core/regex.h"
#include "evaluate/pins/dependabot_config.h"
#include "evaluate/pins/pre_commit_config.h"

namespace riskgate::evaluate::pins {

namespace {

// Folders that hold other projects' code as it was vendored. A vendored project's own
// manifests describe its dependencies, which no pipeline installs; anything a pipeline can run
// (a workflow, an action, GitLab CI, a Dockerfile, a script) is judged wherever it lives,
// because a workflow may use `./third_party/setup` or `docker build -f vendor/x/Dockerfile`.
bool IsVendored(std::string_view path) {
  static const core::Regex vendored(R"((?:^|/)(?:vendor|third_party|node_modules)/)");
  return vendored.PartialMatch(path);
}

// Dockerfile*, *.dockerfile, Containerfile* in any case (`docker build -f` takes any name, and
// a case-insensitive file system any spelling), unless the name ends in a source or shell
// extension (a script named build-dockerfile.sh is judged as the script it is).
bool IsDockerfileName(std::string_view name) {
  static const core::Regex docker(R"((?i)(?:docker|container)file)");
  static const core::Regex source_ext(
      R"((?i)\.(?:go|py|rs|js|ts|java|c|cc|cpp|h|hpp|rb|php|kt|cs|swift|scala|sh|bash|md|txt|rst|html|json|toml|xml|ya?ml)$)");
  return docker.PartialMatch(name) && !source_ext.PartialMatch(name);
}

FileKind ClassifyName(std::string_view path) {
  static const core::Regex workflow(R"(^\.github/workflows/[^/]+\.ya?ml$)");
  static const core::Regex gitlab(
      R"((?:^|/)(?:[^/]*\.)?gitlab-ci\.ya?ml$|^\.gitlab/ci/.*\.ya?ml$)");
  if (workflow.FullMatch(path)) return FileKind::kGithubWorkflow;
  if (IsPreCommitConfig(path)) return FileKind::kPreCommitConfig;
  if (IsDependabotConfig(path)) return FileKind::kDependabotConfig;
  if (gitlab.PartialMatch(path)) return FileKind::kGitlabCi;
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "action.yml" || name == "action.yaml") return FileKind::kActionMetadata;
  if (name == "package.json") return FileKind::kPackageJson;
  if (name.starts_with("requirements") && name.ends_with(".txt")) {
    return FileKind::kRequirementsTxt;
  }
  if (IsDockerfileName(name)) return FileKind::kDockerfile;
  if (name.ends_with(".sh") || name.ends_with(".bash")) return FileKind::kShell;
  if (name.find('.') == std::string_view::npos) return FileKind::kMaybeShell;
  return FileKind::kNone;
}

}  // namespace

FileKind ClassifyPath(std::string_view path) {
  const FileKind kind = ClassifyName(path);
  const bool manifest = kind == FileKind::kPackageJson || kind == FileKind::kRequirementsTxt;
  return manifest && IsVendored(path) ? FileKind::kNone : kind;
}

FileKind ClassifyPath(std::string_view path, const std::vector<std::string>& gitlab_includes) {
  for (const auto& include : gitlab_includes) {
    if (core::MatchPathGlob(include, path)) return FileKind::kGitlabCi;
  }
  return ClassifyPath(path);
}

bool HasShellShebang(std::string_view content) {
  static const core::Regex shebang(
      R"(^#!\s*(?:/usr)?/bin/(?:env\s+)?(?:sh|bash|dash|ksh|mksh|zsh)\b)");
  return shebang.PartialMatch(content.substr(0, 200));
}

}  // namespace riskgate::evaluate::pins
