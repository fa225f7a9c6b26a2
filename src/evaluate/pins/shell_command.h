// Stage 3 (evaluate), pins: what a simple shell command runs.
// Input: a parsed simple command. Output: the program after prefixes that only change how it runs
// (assignments and wrappers: sudo, doas, env, command, exec, nohup, nice, time, timeout, stdbuf,
// xargs, setsid, chroot, ... see kWrappers), its arguments, and for interpreters where their code
// comes from: inline (`sh -c`), a script operand, or standard input. A program named by an
// expansion ("$SHELL", $(which sh)) is unknowable, so it counts as an interpreter. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/shell_parser.h"

namespace riskgate::evaluate::pins {

struct CommandView {
  const ShellWord* program = nullptr;  // nullptr: only assignments or redirections
  std::string name;  // lower-case basename without ".exe"; empty when the program is a variable
  std::vector<const ShellWord*> args;  // the words after the program
  bool args_from_stdin = false;        // behind xargs or parallel: standard input becomes arguments
  bool runs_shell = false;  // the wrapper itself starts a shell on standard input (`sudo -s`)
};

CommandView ViewCommand(const ShellSimpleCommand& command);

// `$SUDO curl URL`, `${RUN} sh`: when the program is an expansion followed by a plain word, the
// reading in which the expansion is a prefix (empty, or a wrapper such as sudo) and that word
// the program.
std::optional<CommandView> ViewBehindExpansion(const ShellSimpleCommand& command,
                                               const CommandView& view);

// `find ... -exec CMD ... ;` (also -execdir, -ok, -okdir): the command find runs.
std::optional<CommandView> ViewOfExec(const ShellSimpleCommand& command, const CommandView& view);

// Lower-case basename of a program path without a ".exe" suffix: "/usr/bin/Pip3.exe" -> "pip3".
std::string ProgramName(std::string_view path);

enum class InterpreterFamily {
  kNone,
  kShell,  // sh bash dash ksh mksh zsh ash fish
  kSu,
  kPython,
  kPerl,
  kRuby,
  kNode,
  kPhp,
  kPowershell,
  kOther,    // dotnet, nuget, java: counted as interpreters by OpenSSF Scorecard
  kSource,   // `source FILE`, `. FILE`
  kUnknown,  // named by an expansion ("$SHELL", ${S:-sh}, $(which sh)): read like a shell
};

struct InterpreterCall {
  InterpreterFamily family = InterpreterFamily::kNone;
  bool runs_inline = false;                // -c, -e, -m: the code is not stdin nor a script file
  const ShellWord* inline_code = nullptr;  // the code of `sh -c CODE`, `su -c CODE`
  const ShellWord* script = nullptr;       // the script file operand
  bool reads_stdin = false;                // the code is read from standard input
};

InterpreterCall ClassifyInterpreter(const CommandView& view);

// "-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0".
bool IsStdinPath(std::string_view path);

// The program as written, for messages: at most ~60 bytes.
std::string ProgramText(const CommandView& view);

}  // namespace riskgate::evaluate::pins
