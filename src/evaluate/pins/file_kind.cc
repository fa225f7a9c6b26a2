#include "evaluate/pins/file_kind.h"

#include <re2/re2.h>

#include "core/path_glob.h"

namespace riskgate::evaluate::pins {

namespace {

// Folders that hold other projects' code as it was vendored. A vendored project's own
// manifests describe its dependencies, which no pipeline installs; anything a pipeline can run
// (a workflow, an action, GitLab CI, a Dockerfile, a script) is judged wherever it lives,
// because a workflow may use `./third_party/setup` or `docker build -f vendor/x/Dockerfile`.
bool IsVendored(std::string_view path) {
  static const re2::RE2 vendored(R"((?:^|/)(?:vendor|third_party|node_modules)/)");
  return re2::RE2::PartialMatch(re2::StringPiece(path.data(), path.size()), vendored);
}

// Dockerfile*, *.dockerfile, Containerfile* in any case (`docker build -f` takes any name, and
// a case-insensitive file system any spelling), unless the name ends in a source or shell
// extension (a script named build-dockerfile.sh is judged as the script it is).
bool IsDockerfileName(std::string_view name) {
  static const re2::RE2 docker(R"((?i)(?:docker|container)file)");
  static const re2::RE2 source_ext(
      R"((?i)\.(?:go|py|rs|js|ts|java|c|cc|cpp|h|hpp|rb|php|kt|cs|swift|scala|sh|bash|md|txt|rst|html|json|toml|xml|ya?ml)$)");
  const re2::StringPiece n(name.data(), name.size());
  return re2::RE2::PartialMatch(n, docker) && !re2::RE2::PartialMatch(n, source_ext);
}

FileKind ClassifyName(std::string_view path) {
  static const re2::RE2 workflow(R"(^\.github/workflows/[^/]+\.ya?ml$)");
  static const re2::RE2 gitlab(R"((?:^|/)(?:[^/]*\.)?gitlab-ci\.ya?ml$|^\.gitlab/ci/.*\.ya?ml$)");
  const re2::StringPiece p(path.data(), path.size());
  if (re2::RE2::FullMatch(p, workflow)) return FileKind::kGithubWorkflow;
  if (re2::RE2::PartialMatch(p, gitlab)) return FileKind::kGitlabCi;
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
  static const re2::RE2 shebang(
      R"(^#!\s*(?:/usr)?/bin/(?:env\s+)?(?:sh|bash|dash|ksh|mksh|zsh)\b)");
  return re2::RE2::PartialMatch(
      re2::StringPiece(content.data(), std::min<std::size_t>(content.size(), 200)), shebang);
}

}  // namespace riskgate::evaluate::pins
