// Stage 3 (evaluate), pins: package-manager commands that install floating versions.
// Input: a command view. Output: the rule it breaks with a message and the exact remedy, or
// nothing. Semantics follow OpenSSF Scorecard's Pinned-Dependencies check: go get/install, pip
// (pip, pip3, python -m pip, uv pip), npm, choco, nuget, dotnet add package, dotnet/nuget/
// msbuild restore; riskgate adds gem, `dotnet tool install`, and options before the subcommand.
// NuGet commands are reported even when every project sets RestoreLockedMode: that needs the
// repository's .csproj files, which the evaluator may use to drop them. No I/O.
#pragma once

#include <optional>
#include <string>

#include "evaluate/pins/shell_command.h"

namespace riskgate::evaluate::pins {

struct PackageIssue {
  std::string rule;  // npm-install, pip-install, pip-install-version-pinned, go-install,
                     // gem-install, choco-install, nuget-install
  std::string message;
  std::string fix;
};

std::optional<PackageIssue> CheckPackageCommand(const CommandView& view);

}  // namespace riskgate::evaluate::pins
