// Stage 3 (evaluate), pins: download-then-execute and floating package installs in shell text
// (a script file, a workflow `run:`, a GitLab `script:` line, a Dockerfile RUN).
// Input: script text and where it starts in its file. Output: issues at file positions, each
// with a one-line remedy. Pure: no I/O; never throws; malformed shell is analysed as far as it
// goes.
//
// Semantics follow OpenSSF Scorecard's Pinned-Dependencies check (detection.md). Deviations,
// each because riskgate's answer is better:
// - A parse error does not hide the rest of the script (Scorecard skips the whole file).
// - A downloaded file checked with `sha256sum -c` against a checksum kept in the script, or with
//   a signature (gpg --verify, cosign verify-blob, minisign -V), before it runs is not reported
//   (Scorecard still reports it: scorecard#3401, #4534).
// - `curl | python -c CODE`, `curl | bash ./local.sh`, `perl -pi -e CODE downloaded.json`: the
//   download is data for code that is not downloaded, so nothing runs unchecked.
// - Also found: a download anywhere upstream in a pipeline (`curl | tee f | sh`), `sudo bash
//   <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`, `bash < <(curl …)`, `source <(curl …)`,
//   `curl -o FILE`/`-O`, downloads installed with dpkg/apt/rpm, `bash <<EOF` bodies, gem and
//   `dotnet tool install`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

// kUnjudgedFile: the command builds or runs a file the control cannot judge
// (unjudged-build-file, unjudged-script).
enum class ShellIssueKind { kDownloadThenExecute, kUnpinnedPackage, kUnjudgedFile };

struct ShellIssue {
  ShellIssueKind kind = ShellIssueKind::kUnpinnedPackage;
  // download-then-execute, npm-install, pip-install, pip-install-version-pinned (exact `==`
  // versions: rate lower; Scorecard counts it as unpinned), go-install, gem-install,
  // choco-install, nuget-install (nuget install/restore, dotnet add package/restore/tool
  // install, msbuild restore).
  std::string rule;
  int line = 0;         // in the file, 1-based
  int column = 0;       // of the command, 1-based
  std::string command;  // the offending command: one line, at most ~200 characters
  std::string message;  // one sentence: what is wrong
  std::string fix;      // the exact remedy
  // What else the issue is made of, as text that survives line moves (the download a run
  // executes), so that changing it makes the issue a new one.
  std::string related = {};
};

// A file a download wrote, remembered until it runs.
struct ShellDownload {
  std::string path;  // cleaned ("./x" -> "x")
  int line = 0;
  std::string command;  // the download, for messages
  bool verified = false;
};

// Keeps downloaded files across the script bodies of one job (a file downloaded in one step and
// run in a later step) or of one Dockerfile (RUN after RUN).
class ShellAnalyzer {
 public:
  // `first_line`/`first_column`: where the script's first character is in its file.
  std::vector<ShellIssue> Analyze(std::string_view script, int first_line, int first_column = 1);

  // A file fetched by something other than shell, e.g. a Dockerfile `ADD <url> <path>`.
  void RecordDownload(std::string_view path, int line, std::string_view command);

 private:
  std::vector<ShellDownload> downloads_;
};

// Analyses one script with no earlier downloads.
std::vector<ShellIssue> AnalyzeShell(std::string_view script, int first_line);

}  // namespace riskgate::evaluate::pins
