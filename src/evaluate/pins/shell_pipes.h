// Stage 3 (evaluate), pins: what a shell command does with what reaches its standard input or
// its arguments — runs it (a shell, `xargs sh -c`, a program named by a variable), installs it
// as a package, decodes it — and the words of a finding for a download that goes there.
// Input: command views (shell_command.h) and downloads (shell_downloads.h). Output: answers and
// one-line messages. No I/O. shell_analysis.cc's walker asks these of each command of a pipe.
#pragma once

#include <string>
#include <string_view>

#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_downloads.h"

namespace riskgate::evaluate::pins {

// The remedy for running a download unchecked: a commit-pinned URL where one of its URLs has
// one, else downloading to a file and verifying its checksum first.
std::string PipeFix(const DownloadInfo& download);

// dpkg -i, apt install, rpm -i/-U, dnf/yum install, msiexec /i: the package's scripts run.
bool InstallsLocalPackage(const CommandView& view);

// Whether the program is named by an expansion ("$SHELL", $(which sh)).
bool IsVariableProgram(const CommandView& view);

// A shell, `su`, or an interpreter not known (any of which may run shell text).
bool IsShellLike(InterpreterFamily family);

// Whether a command runs what its standard input carries (`sh`, `xargs sh -c`, `"$SHELL"`).
bool RunsInput(const CommandView& view, const InterpreterCall& call);

// `base64 -d`, `base64 --decode`, `openssl base64 -d`.
bool DecodesBase64(const CommandView& view);

// -n, -e, -E, -ne...: options of echo.
bool IsEchoOption(std::string_view v);

// What a download (`from`, the command that fetched it) piped into `view` does, as the
// finding's message.
std::string PipeMessage(const std::string& from, const CommandView& view);

// "0<" -> "<", "0<<<" -> "<<<": an explicit standard input.
std::string_view InputOp(std::string_view op);

}  // namespace riskgate::evaluate::pins
