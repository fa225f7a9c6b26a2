// Stage 3 (evaluate), pins: commands that build or run a repository file the pins control would
// not read. `docker build -f FILE` (and buildx, podman, nerdctl, buildah) takes a Dockerfile of
// any name and `bash FILE` a script of any name, while the control recognises both by name
// (file_kind.h): a file named otherwise (`-f ci/image.txt`, `bash ci/setup.txt`) would never be
// judged. Input: a command view. Output: the issue, or nothing. No I/O.
#pragma once

#include <optional>
#include <string_view>

#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_packages.h"

namespace riskgate::evaluate::pins {

// The rule a Dockerfile path of a build breaks when the control would not read it as one.
std::optional<PackageIssue> CheckBuildFilePath(std::string_view path, std::string_view how);

// A container build naming, with -f/--file, a literal Dockerfile path the control does not
// classify as a Dockerfile. Paths built from variables, absolute paths and stdin are left out.
std::optional<PackageIssue> CheckBuildFile(const CommandView& view);

// A shell (sh, bash, ...) running a literal script path the control does not read as a shell
// script (`bash ci/setup.txt`); a file without an extension is read when it has a shebang.
std::optional<PackageIssue> CheckScriptFile(const CommandView& view, const InterpreterCall& call);

}  // namespace riskgate::evaluate::pins
