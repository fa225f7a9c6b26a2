// Stage 3 (evaluate), pins: container builds whose Dockerfile the pins control would not read.
// `docker build -f FILE` (and buildx, podman, nerdctl, buildah) takes a Dockerfile of any name;
// the control recognises Dockerfiles by name (file_kind.h), so a build file named otherwise
// (`-f ci/image.txt`) would never have its FROM and RUN lines judged. Input: a command view.
// Output: the issue, or nothing. No I/O.
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

}  // namespace riskgate::evaluate::pins
