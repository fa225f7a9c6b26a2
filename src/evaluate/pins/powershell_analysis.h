// Stage 3 (evaluate), pins: download-then-execute and floating installs in the PowerShell and
// cmd steps the shell analysis does not read (`shell: pwsh`, `powershell`, `cmd`, and a Windows
// runner's default). Line by line: a download handed to Invoke-Expression (`iwr URL | iex`,
// `iex ((New-Object Net.WebClient).DownloadString(URL))`, `irm URL | iex`, Chocolatey's own
// install line), `Install-Module`/`Install-Package` without `-RequiredVersion`, and each line
// that starts with a package manager the POSIX analysis knows (pip, npm, gem, go, choco,
// dotnet, nuget, cargo…), judged by it as the simple command it is in both shells.
#pragma once

#include <string_view>
#include <vector>

#include "evaluate/pins/shell_analysis.h"

namespace riskgate::evaluate::pins {

std::vector<ShellIssue> AnalyzePowerShell(std::string_view script, int first_line);

}  // namespace riskgate::evaluate::pins
