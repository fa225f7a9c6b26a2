#include "evaluate/pins/shell_pipes.h"

#include <algorithm>

namespace riskgate::evaluate::pins {
namespace {

constexpr std::string_view kVerifyFix =
    "download to a file, verify it with `echo \"<sha256>  file\" | sha256sum -c -`, then run it";

}  // namespace

std::string PipeFix(const DownloadInfo& download) {
  for (const auto& url : download.urls) {
    const std::string pinned = CommitPinnedUrlFix(url);
    if (!pinned.empty()) {
      return "fetch it from a commit-pinned URL: " + pinned + " (or " + std::string(kVerifyFix) +
             ")";
    }
  }
  return std::string(kVerifyFix);
}

bool InstallsLocalPackage(const CommandView& view) {
  const std::string& n = view.name;
  for (const ShellWord* w : view.args) {
    const std::string& v = w->value;
    if (n == "dpkg" &&
        (v == "--install" || (v.starts_with("-") && v.find('i') != std::string::npos)))
      return true;
    if ((n == "apt" || n == "apt-get" || n == "dnf" || n == "yum" || n == "zypper") &&
        (v == "install" || v == "localinstall")) {
      return true;
    }
    if (n == "rpm" && v.size() > 1 && v[0] == '-' && v[1] != '-' &&
        (v.find('i') != std::string::npos || v.find('U') != std::string::npos)) {
      return true;
    }
    if (n == "msiexec" && (v == "/i" || v == "/package")) return true;
  }
  return false;
}

bool IsVariableProgram(const CommandView& view) {
  return view.program != nullptr && view.program->has_expansion;
}

bool IsShellLike(InterpreterFamily family) {
  return family == InterpreterFamily::kShell || family == InterpreterFamily::kSu ||
         family == InterpreterFamily::kUnknown;
}

bool RunsInput(const CommandView& view, const InterpreterCall& call) {
  return call.family != InterpreterFamily::kNone && (call.reads_stdin || view.args_from_stdin);
}

bool DecodesBase64(const CommandView& view) {
  if (view.name != "base64" && view.name != "openssl") return false;
  return std::any_of(view.args.begin(), view.args.end(), [](const ShellWord* w) {
    return w->value == "-d" || w->value == "-D" || w->value == "--decode";
  });
}

bool IsEchoOption(std::string_view v) {
  return v.size() > 1 && v[0] == '-' && v.find_first_not_of("neE", 1) == std::string_view::npos;
}

std::string PipeMessage(const std::string& from, const CommandView& view) {
  const std::string into = ProgramText(view);
  if (IsVariableProgram(view)) {
    return "`" + from + "` output is piped into `" + into +
           "`, a command named by a variable: a download piped to a command named by a variable "
           "runs whatever it names";
  }
  if (view.args_from_stdin) {
    return "`" + from + "` output becomes the arguments of `" + into +
           "` (through xargs), which runs whatever the server sends";
  }
  return "`" + from + "` output is piped into `" + into + "`, which runs whatever the server sends";
}

std::string_view InputOp(std::string_view op) {
  if (op.starts_with("0<")) op.remove_prefix(1);
  return op;
}

}  // namespace riskgate::evaluate::pins
