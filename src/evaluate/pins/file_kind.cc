#include "evaluate/pins/file_kind.h"

#include <re2/re2.h>

#include "core/path_glob.h"

namespace riskgate::evaluate::pins {

FileKind ClassifyPath(std::string_view path) {
  static const re2::RE2 vendored(R"((?:^|/)(?:vendor|third_party|node_modules)/)");
  static const re2::RE2 workflow(R"(^\.github/workflows/[^/]+\.ya?ml$)");
  static const re2::RE2 gitlab(R"((?:^|/)(?:[^/]*\.)?gitlab-ci\.ya?ml$|^\.gitlab/ci/.*\.ya?ml$)");
  const re2::StringPiece p(path.data(), path.size());
  if (re2::RE2::PartialMatch(p, vendored)) return FileKind::kNone;
  if (re2::RE2::FullMatch(p, workflow)) return FileKind::kGithubWorkflow;
  if (re2::RE2::PartialMatch(p, gitlab)) return FileKind::kGitlabCi;
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "action.yml" || name == "action.yaml") return FileKind::kActionMetadata;
  if (name == "package.json") return FileKind::kPackageJson;
  if (name.starts_with("requirements") && name.ends_with(".txt")) {
    return FileKind::kRequirementsTxt;
  }
  static const re2::RE2 source_ext(R"(\.(?:go|py|rs|js|ts|java|c|cc|cpp|h|md|txt|json|ya?ml)$)");
  if ((name.find("Dockerfile") != std::string_view::npos ||
       name.find("Containerfile") != std::string_view::npos || name.ends_with(".dockerfile") ||
       name == "dockerfile" || name == "containerfile") &&  // docker build's lower-case fallback
      !re2::RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), source_ext)) {
    return FileKind::kDockerfile;
  }
  if (name.ends_with(".sh") || name.ends_with(".bash")) return FileKind::kShell;
  if (name.find('.') == std::string_view::npos) return FileKind::kMaybeShell;
  return FileKind::kNone;
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
