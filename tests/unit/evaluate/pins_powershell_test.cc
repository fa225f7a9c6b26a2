// Issue 22: install analysis of PowerShell and cmd steps (evaluate/pins/powershell_analysis.cc),
// which the POSIX shell analysis skips.
#include <catch2/catch.hpp>

#include <algorithm>

#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/powershell_analysis.h"

namespace riskgate::evaluate::pins {
namespace {

std::vector<std::string> RulesOf(const std::string& script) {
  std::vector<std::string> out;
  for (const auto& issue : AnalyzePowerShell(script, 1)) out.push_back(issue.rule);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("issue 22: a download handed to Invoke-Expression is download-then-execute", "[pins]") {
  const Strings download = {"download-then-execute"};
  CHECK(RulesOf("iwr https://get.example.com/install.ps1 | iex") == download);
  CHECK(RulesOf("Invoke-RestMethod https://x.example/i.ps1 | Invoke-Expression") == download);
  CHECK(RulesOf("Set-ExecutionPolicy Bypass -Scope Process -Force; iex ((New-Object "
                "System.Net.WebClient).DownloadString('https://community.chocolatey.org/"
                "install.ps1'))") == download);
  CHECK(RulesOf("Invoke-Expression (irm https://x.example/i.ps1)") == download);
  CHECK(RulesOf("& ([scriptblock]::Create((iwr https://x.example/i.ps1)))") == download);
  // Data, not code.
  CHECK(RulesOf("iwr https://x.example/tool.zip -OutFile tool.zip").empty());
  CHECK(RulesOf("$v = irm https://api.example/latest | ConvertFrom-Json").empty());
  CHECK(RulesOf("# iwr https://x | iex").empty());
}

TEST_CASE("issue 22: floating installs in PowerShell steps", "[pins]") {
  CHECK(RulesOf("Install-Module PSScriptAnalyzer -Force") == Strings{"unpinned-package"});
  CHECK(RulesOf("Install-Module PSScriptAnalyzer -RequiredVersion 1.22.0 -Force").empty());
  CHECK(RulesOf("pip install requests") == Strings{"pip-install"});
  CHECK(RulesOf("  npm install") == Strings{"npm-install"});
  CHECK(RulesOf("choco install cmake -y") == Strings{"choco-install"});
  CHECK(RulesOf("python -m pip install -r req.txt --require-hashes").empty());
  CHECK(RulesOf("Write-Host 'pip install requests'").empty());
}

TEST_CASE("issue 22: pwsh, cmd and Windows-default steps of a workflow are analysed", "[pins]") {
  const std::string workflow =
      "on: push\n"                                        // 1
      "permissions: {}\n"                                 // 2
      "jobs:\n"                                           // 3
      "  win:\n"                                          // 4
      "    runs-on: windows-latest\n"                     // 5
      "    steps:\n"                                      // 6
      "      - run: iwr https://x.example/i.ps1 | iex\n"  // 7 Windows default: pwsh
      "      - shell: cmd\n"                              // 8
      "        run: |\n"                                  // 9
      "          REM tools\n"                             // 10
      "          pip install requests\n"                  // 11
      "  linux:\n"                                        // 12
      "    runs-on: ubuntu-latest\n"                      // 13
      "    steps:\n"                                      // 14
      "      - shell: pwsh\n"                             // 15
      "        run: Install-Module Pester\n";             // 16
  std::vector<std::string> found;
  for (const auto& issue :
       CheckGithubFile(workflow, ".github/workflows/ci.yml", GithubFileKind::kWorkflow, {})) {
    if (issue.rule == "download-then-execute" || issue.rule == "pip-install" ||
        issue.rule == "unpinned-package") {
      found.push_back(std::to_string(issue.line) + " " + issue.rule);
    }
  }
  std::sort(found.begin(), found.end());
  CHECK(found == Strings{"11 pip-install", "16 unpinned-package", "7 download-then-execute"});
}

}  // namespace riskgate::evaluate::pins
