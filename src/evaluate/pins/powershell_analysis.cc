#include "evaluate/pins/powershell_analysis.h"

#include <string>

#include "core/regex.h"
#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

std::string Shown(std::string_view line) {
  std::string text(core::TrimSpace(line));
  if (text.size() > 200) text = text.substr(0, 197) + "...";
  return text;
}

}  // namespace

std::vector<ShellIssue> AnalyzePowerShell(std::string_view script, int first_line) {
  // A download (a cmdlet, its alias, WebClient, curl/wget as PowerShell aliases) ...
  static const core::Regex downloaded_then_run(
      R"((?i)(?:\b(?:iwr|irm|curl|wget|Invoke-WebRequest|Invoke-RestMethod)\b|DownloadString|DownloadData)[^|]*\|\s*(?:iex|Invoke-Expression)\b)");
  // ... or run by Invoke-Expression / a script block made of it.
  static const core::Regex run_of_download(
      R"((?i)(?:\b(?:iex|Invoke-Expression)|\[scriptblock\]::Create)\s*\(*\s*(?:\(?\s*New-Object\s+(?:System\.)?Net\.WebClient\s*\)?\.Download(?:String|Data)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b))");
  static const core::Regex install_module(
      R"((?i)\b(?:Install-Module|Install-Package|Install-Script|Install-PSResource)\b)");
  static const core::Regex required_version(
      R"((?i)-(?:RequiredVersion|Version)\b|-MinimumVersion\b.*-MaximumVersion\b)");
  static const core::Regex package_manager(
      R"((?i)^\s*(?:&\s*)?(?:pip3?|python3?\s+-m\s+pip|py\s+-m\s+pip|npm|yarn|pnpm|gem|go|choco|dotnet|nuget|cargo|composer|conda)(?:\.exe)?\s)");
  std::vector<ShellIssue> out;
  int line_number = first_line;
  std::size_t start = 0;
  while (start <= script.size()) {
    std::size_t end = script.find('\n', start);
    if (end == std::string_view::npos) end = script.size();
    const std::string_view line = script.substr(start, end - start);
    const int column = static_cast<int>(line.size() - core::TrimSpace(line).size()) + 1;
    start = end + 1;
    const int here = line_number++;
    const std::string_view code = core::TrimSpace(line);
    if (code.empty() || code.starts_with('#') || code.starts_with("REM ") ||
        code.starts_with("::")) {
      continue;
    }
    if (downloaded_then_run.PartialMatch(code) || run_of_download.PartialMatch(code)) {
      out.push_back({ShellIssueKind::kDownloadThenExecute, "download-then-execute", here, column,
                     Shown(code),
                     "PowerShell runs the text it downloads (Invoke-Expression): whoever "
                     "controls the URL runs code in the pipeline",
                     "download to a file, check it (Get-FileHash against a pinned SHA-256), "
                     "then run the file",
                     Shown(code)});
      continue;
    }
    if (install_module.PartialMatch(code) && !required_version.PartialMatch(code)) {
      out.push_back({ShellIssueKind::kUnpinnedPackage, "unpinned-package", here, column,
                     Shown(code),
                     "a PowerShell module is installed without -RequiredVersion: the gallery's "
                     "latest, whatever it is that day",
                     "add -RequiredVersion <exact version> (and save it with Save-Module to "
                     "review it)"});
      continue;
    }
    if (package_manager.PartialMatch(code)) {
      // The same simple command in both shells: the POSIX analysis judges it.
      for (ShellIssue& issue : AnalyzeShell(std::string(code) + "\n", here)) {
        issue.column += column - 1;
        out.push_back(std::move(issue));
      }
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
