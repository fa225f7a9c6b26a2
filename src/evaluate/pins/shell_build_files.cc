#include "evaluate/pins/shell_build_files.h"

#include <algorithm>
#include <array>
#include <string>

#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/shell_downloads.h"

namespace riskgate::evaluate::pins {
namespace {

// The index of the first argument after the build subcommand, or 0 when the command builds no
// image: `docker build`, `docker buildx build`, `docker image build`, `docker builder build`,
// `podman build`, `nerdctl build`, `buildah bud|build`. Global options before the subcommand
// are skipped, and a word right after one is taken for its value (`docker -H host build`).
std::size_t BuildArgs(const CommandView& view) {
  const bool docker = view.name == "docker" || view.name == "podman" || view.name == "nerdctl";
  if (!docker && view.name != "buildah") return 0;
  bool after_option = false;
  for (std::size_t i = 0; i < view.args.size(); ++i) {
    const std::string& word = view.args[i]->value;
    if (word.starts_with("-")) {
      after_option = word.find('=') == std::string::npos;
      continue;
    }
    if (word == "build" || (view.name == "buildah" && word == "bud")) return i + 1;
    if (docker && (word == "buildx" || word == "image" || word == "builder")) continue;
    if (!after_option) return 0;
    after_option = false;
  }
  return 0;
}

}  // namespace

std::optional<PackageIssue> CheckBuildFilePath(std::string_view path, std::string_view how) {
  if (path.empty() || path == "-" || path.front() == '/') return std::nullopt;
  const std::string clean = CleanPath(path);
  if (clean.starts_with("../") || ClassifyPath(clean) == FileKind::kDockerfile) return std::nullopt;
  return PackageIssue{"unjudged-build-file",
                      std::string(how) + " builds '" + clean +
                          "', a file whose name the pins control does not read as a Dockerfile, "
                          "so its FROM and RUN lines are never judged",
                      "name it Dockerfile, Dockerfile.<name> or <name>.dockerfile (or "
                      "Containerfile) so the gate judges it"};
}

std::optional<PackageIssue> CheckBuildFile(const CommandView& view) {
  const std::size_t first = BuildArgs(view);
  if (first == 0) return std::nullopt;
  for (std::size_t i = first; i < view.args.size(); ++i) {
    const ShellWord& word = *view.args[i];
    std::string_view arg = word.value;
    const ShellWord* value = nullptr;
    std::string_view inline_value;
    if (arg == "-f" || arg == "--file") {
      if (i + 1 < view.args.size()) value = view.args[i + 1];
      ++i;
    } else if (arg.starts_with("--file=")) {
      inline_value = arg.substr(7);
    } else if (arg.starts_with("-f") && !arg.starts_with("--")) {
      inline_value = arg.substr(arg[2] == '=' ? 3 : 2);
    } else {
      continue;
    }
    if (value != nullptr) {
      if (value->has_expansion) continue;
      inline_value = value->value;
    } else if (word.has_expansion) {
      continue;
    }
    if (auto issue = CheckBuildFilePath(inline_value, "`" + view.name + " build`")) return issue;
  }
  return std::nullopt;
}

std::optional<PackageIssue> CheckScriptFile(const CommandView& view, const InterpreterCall& call) {
  if (call.family != InterpreterFamily::kShell || call.runs_inline || call.script == nullptr ||
      call.script->has_expansion || IsStdinPath(call.script->value)) {
    return std::nullopt;
  }
  // A script of a shell with its own language (fish, csh, nushell, elvish, xonsh) would not be
  // read as a POSIX script under any name: its name hides nothing the control could judge.
  static constexpr std::array<std::string_view, 6> kOwnLanguage = {"fish", "tcsh",   "csh",
                                                                   "nu",   "elvish", "xonsh"};
  if (std::find(kOwnLanguage.begin(), kOwnLanguage.end(), view.name) != kOwnLanguage.end()) {
    return std::nullopt;
  }
  const std::string_view path = call.script->value;
  // Only what reads as a repository path: not absolute, not text that no file would be named.
  if (path.empty() || path.front() == '/' || path.front() == '~' || path.front() == '-' ||
      path.find_first_of(" \t\n|;&<>()`") != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string clean = CleanPath(path);
  const FileKind kind = ClassifyPath(clean);
  if (clean.starts_with("../") || kind == FileKind::kShell || kind == FileKind::kMaybeShell) {
    return std::nullopt;
  }
  return PackageIssue{"unjudged-script",
                      "`" + view.name + "` runs '" + clean +
                          "', a file whose name the pins control does not read as a shell "
                          "script, so its downloads and installs are never judged",
                      "name it <name>.sh (or <name>.bash) so the gate judges it"};
}

}  // namespace riskgate::evaluate::pins
