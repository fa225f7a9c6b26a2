#include "evaluate/pins/shell_command.h"

#include <array>
#include <cctype>
#include <optional>

#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

using Words = std::vector<const ShellWord*>;

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// NAME=value, NAME+=value, NAME[i]=value.
bool IsAssignment(std::string_view v) {
  if (v.empty() || !IsNameStart(v[0])) return false;
  size_t i = 1;
  while (i < v.size() && IsNameChar(v[i])) ++i;
  if (i < v.size() && v[i] == '[') {
    const size_t close = v.find(']', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  if (i < v.size() && v[i] == '+') ++i;
  return i < v.size() && v[i] == '=';
}

bool IsOption(std::string_view v) { return v.size() > 1 && v[0] == '-'; }

// Skips options starting at `i`; a short option letter in `with_value` takes a value (attached
// or the next word). Returns the index of the first non-option word.
size_t SkipOptions(const std::vector<ShellWord>& words, size_t i, std::string_view with_value) {
  while (i < words.size() && IsOption(words[i].value)) {
    const std::string& v = words[i].value;
    ++i;
    if (v == "--") break;
    if (v.starts_with("--")) continue;
    for (size_t k = 1; k < v.size(); ++k) {
      if (with_value.find(v[k]) == std::string_view::npos) continue;
      if (k + 1 == v.size()) ++i;  // the value is the next word
      break;
    }
  }
  return i;
}

bool Contains(std::string_view text, char c) { return text.find(c) != std::string_view::npos; }

bool IsPythonName(std::string_view name) {
  std::string_view rest;
  if (name.starts_with("python")) {
    rest = name.substr(6);
  } else if (name.starts_with("pypy")) {
    rest = name.substr(4);
  } else {
    return false;
  }
  for (char c : rest) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '.') return false;
  }
  return true;
}

// sh, bash5.2, zsh-5.9, ksh93, busybox's hush, ...: a shell name with any version suffix.
bool IsShellName(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kShells = {
      "sh",  "bash",  "dash", "ksh",  "mksh", "zsh",   "ash",  "fish",   "yash", "posh", "tcsh",
      "csh", "rbash", "rksh", "lksh", "oksh", "pdksh", "hush", "elvish", "nu",   "osh",  "xonsh"};
  while (!name.empty() && (std::isdigit(static_cast<unsigned char>(name.back())) != 0 ||
                           name.back() == '.' || name.back() == '-')) {
    name.remove_suffix(1);
  }
  for (std::string_view shell : kShells) {
    if (name == shell) return true;
  }
  return false;
}

InterpreterFamily FamilyOf(std::string_view name) {
  if (IsShellName(name)) return InterpreterFamily::kShell;
  // runuser starts a shell like su: on standard input unless -c gives the command.
  if (name == "su" || name == "runuser") return InterpreterFamily::kSu;
  if (IsPythonName(name)) return InterpreterFamily::kPython;
  if (name == "perl") return InterpreterFamily::kPerl;
  if (name == "ruby") return InterpreterFamily::kRuby;
  if (name == "node" || name == "nodejs") return InterpreterFamily::kNode;
  if (name == "php") return InterpreterFamily::kPhp;
  if (name == "pwsh" || name == "powershell") return InterpreterFamily::kPowershell;
  if (name == "dotnet" || name == "nuget" || name == "java") return InterpreterFamily::kOther;
  if (name == "source" || name == ".") return InterpreterFamily::kSource;
  return InterpreterFamily::kNone;
}

void ParseShellOptions(const Words& args, InterpreterCall& call) {
  bool stdin_flag = false;
  size_t k = 0;
  for (; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v == "--") {
      ++k;
      break;
    }
    if (v.size() < 2 || (v[0] != '-' && v[0] != '+')) break;
    if (v.starts_with("--")) {
      if (v == "--rcfile" || v == "--init-file") ++k;
      continue;
    }
    if (v[0] == '-' && Contains(v, 'c')) call.runs_inline = true;
    if (v[0] == '-' && Contains(v, 's')) stdin_flag = true;
    if (Contains(v, 'o') || Contains(v, 'O')) ++k;  // -o pipefail
  }
  if (k < args.size()) {
    if (call.runs_inline) {
      call.inline_code = args[k];
    } else if (!stdin_flag) {
      call.script = args[k];
    }
  }
}

// A script operand that may name standard input: "-", "/dev/stdin", or an expansion that can
// become one ("$F", "${D}/stdin").
bool MayBeStdin(const ShellWord& word) {
  const std::string& v = word.value;
  if (IsStdinPath(v)) return true;
  if (!word.has_expansion) return false;
  return (v.starts_with('$') && v.find('/') == std::string::npos) || v.ends_with("/stdin") ||
         v.ends_with("/0") || v.ends_with("-");
}

// A prefix that runs the command after it: its short options that take a value, and how many
// operands come before the command (timeout's duration, chroot's new root).
struct Wrapper {
  std::string_view name;
  std::string_view value_letters;
  int operands = 0;
  bool args_from_stdin = false;  // xargs, parallel
};

constexpr std::array<Wrapper, 29> kWrappers = {{
    {"sudo", "ugpCDhrtURT"},
    {"doas", "uC"},
    {"env", "uCP"},
    {"command", ""},
    {"builtin", ""},
    {"exec", "a"},
    {"nohup", ""},
    {"time", "fo"},
    {"nice", "n"},
    {"stdbuf", "ioe"},
    {"timeout", "sk", 1},
    {"busybox", ""},
    {"toybox", ""},
    {"setsid", ""},
    {"chroot", "", 1},
    {"unshare", ""},
    {"ionice", "cn"},
    {"chrt", "TPD", 1},
    {"taskset", "", 1},
    {"flock", "wE", 1},
    {"fakeroot", "lsi"},
    {"torsocks", "uapP"},
    {"proxychains", "f"},
    {"proxychains4", "f"},
    {"catchsegv", ""},
    {"unbuffer", ""},
    {"nocache", ""},
    {"xargs", "aEdILnPsJRS", 0, true},
    {"parallel", "jSI", 0, true},
}};

const Wrapper* FindWrapper(std::string_view name) {
  for (const Wrapper& w : kWrappers) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

// `sudo -s`, `sudo -i`, `doas -s` with no command: a shell that reads standard input.
bool HasShellFlag(const std::vector<ShellWord>& words, size_t from, size_t to) {
  for (size_t k = from; k < to && k < words.size(); ++k) {
    const std::string& v = words[k].value;
    if (v == "--shell" || v == "--login") return true;
    if (v.size() > 1 && v[0] == '-' && v[1] != '-' && (Contains(v, 's') || Contains(v, 'i'))) {
      return true;
    }
  }
  return false;
}

// The value of env's -S/--split-string in words[from, to), or nullptr.
const ShellWord* SplitString(const std::vector<ShellWord>& words, size_t from, size_t to) {
  for (size_t k = from; k < to && k < words.size(); ++k) {
    const std::string& v = words[k].value;
    if ((v == "-S" || v == "--split-string") && k + 1 < words.size()) return &words[k + 1];
    if ((v.starts_with("-S") && v.size() > 2) || v.starts_with("--split-string=")) {
      return &words[k];
    }
  }
  return nullptr;
}

std::string SplitStringProgram(std::string_view value) {
  if (value.starts_with("--split-string=")) {
    value.remove_prefix(15);
  } else if (value.starts_with("-S")) {
    value.remove_prefix(2);
  }
  const size_t start = value.find_first_not_of(" \t");
  if (start == std::string_view::npos) return "";
  value.remove_prefix(start);
  return ProgramName(value.substr(0, value.find_first_of(" \t")));
}

void ParseSu(const Words& args, InterpreterCall& call) {
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    const bool short_c = v.size() > 1 && v[0] == '-' && v[1] != '-' && Contains(v, 'c');
    if (v == "--command" || short_c) {
      call.runs_inline = true;
      if (k + 1 < args.size()) call.inline_code = args[k + 1];
      return;
    }
    if (v.starts_with("--command=")) {
      call.runs_inline = true;
      return;
    }
    if (v == "-s" || v == "--shell" || v == "-g" || v == "--group" || v == "-G" || v == "-w") ++k;
  }
}

// Generic interpreter options: `inline_letters` run code given on the command line (-c, -e),
// `value_letters` take a value (attached or the next word), `attached_letters` take the rest of
// their word; the first operand is the script.
void ParseGeneric(const Words& args, std::string_view inline_letters,
                  std::string_view value_letters, std::string_view attached_letters,
                  InterpreterCall& call) {
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v == "--") {
      if (k + 1 < args.size()) call.script = args[k + 1];
      return;
    }
    if (!IsOption(v)) {
      call.script = args[k];
      return;
    }
    if (v.starts_with("--")) {
      if (v == "--eval" || v == "--print" || v == "--command") {
        call.runs_inline = true;
        return;
      }
      if (v == "--require" || v == "--import" || v == "--loader" || v == "--file") ++k;
      continue;
    }
    for (size_t i = 1; i < v.size(); ++i) {
      if (Contains(inline_letters, v[i])) {
        call.runs_inline = true;
        if (i + 1 == v.size() && k + 1 < args.size()) call.inline_code = args[k + 1];
        return;
      }
      if (Contains(value_letters, v[i])) {
        if (i + 1 == v.size()) ++k;
        break;
      }
      if (Contains(attached_letters, v[i])) break;
    }
  }
}

void ParsePowershell(const Words& args, InterpreterCall& call) {
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string v = core::AsciiLower(args[k]->value);
    if (v == "-c" || v == "-command" || v == "-ec" || v == "-encodedcommand" || v == "/c") {
      call.runs_inline = !(k + 1 < args.size() && args[k + 1]->value == "-");
      return;
    }
    if (v == "-f" || v == "-file") {
      if (k + 1 < args.size()) call.script = args[k + 1];
      return;
    }
    if (v == "-executionpolicy" || v == "-ex" || v == "-ep" || v == "-workingdirectory" ||
        v == "-wd" || v == "-outputformat" || v == "-inputformat" || v == "-windowstyle" ||
        v == "-configurationname" || v == "-settingsfile") {
      ++k;
      continue;
    }
    if (!v.starts_with("-")) {
      call.script = args[k];
      return;
    }
  }
}

}  // namespace

std::string ProgramName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  std::string name =
      core::AsciiLower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name.ends_with(".exe")) name.resize(name.size() - 4);
  return name;
}

bool IsStdinPath(std::string_view path) {
  return path == "-" || path == "/dev/stdin" || path == "/dev/fd/0" || path == "/proc/self/fd/0";
}

namespace {

CommandView ViewFrom(const std::vector<ShellWord>& words, size_t i) {
  CommandView view;
  while (i < words.size()) {
    const ShellWord& w = words[i];
    if (IsAssignment(w.value)) {
      ++i;
      continue;
    }
    const std::string name = w.has_expansion ? "" : ProgramName(w.value);
    const Wrapper* wrapper = FindWrapper(name);
    if (wrapper == nullptr) break;
    if ((name == "command" || name == "builtin") && i + 1 < words.size() &&
        (words[i + 1].value == "-v" || words[i + 1].value == "-V")) {
      return view;  // a lookup, not a run
    }
    const size_t options = i + 1;
    size_t next = SkipOptions(words, options, wrapper->value_letters);
    if (name == "env") {
      if (const ShellWord* split = SplitString(words, options, next)) {
        view.program = split;  // `env -S 'bash -e'`: the string is the command line
        view.name = SplitStringProgram(split->value);
        const size_t first = next < words.size() && split == &words[next] ? next + 1 : next;
        for (size_t k = first; k < words.size(); ++k) view.args.push_back(&words[k]);
        return view;
      }
    }
    next += static_cast<size_t>(wrapper->operands);
    view.args_from_stdin = view.args_from_stdin || wrapper->args_from_stdin;
    if (next >= words.size()) {
      const bool shell = name == "parallel" || ((name == "sudo" || name == "doas") &&
                                                HasShellFlag(words, options, words.size()));
      if (!shell) return view;
      view.program = &w;  // bare `sudo -s`, `parallel`: runs what standard input says
      view.name = name;
      view.runs_shell = true;
      return view;
    }
    i = next;
  }
  if (i >= words.size()) return view;
  view.program = &words[i];
  view.name = words[i].has_expansion ? "" : ProgramName(words[i].value);
  for (size_t k = i + 1; k < words.size(); ++k) view.args.push_back(&words[k]);
  return view;
}

}  // namespace

CommandView ViewCommand(const ShellSimpleCommand& command) { return ViewFrom(command.words, 0); }

std::optional<CommandView> ViewBehindExpansion(const ShellSimpleCommand& command,
                                               const CommandView& view) {
  const auto& words = command.words;
  if (view.program == nullptr || !view.program->has_expansion ||
      !view.program->value.starts_with('$')) {
    return std::nullopt;
  }
  size_t next = 0;
  while (next < words.size() && &words[next] != view.program) ++next;
  if (++next >= words.size()) return std::nullopt;
  const ShellWord& w = words[next];
  if (w.has_expansion || w.value.empty() || w.value[0] == '-') return std::nullopt;
  return ViewFrom(words, next);
}

std::optional<CommandView> ViewOfExec(const ShellSimpleCommand& command, const CommandView& view) {
  if (view.name != "find") return std::nullopt;
  const auto& words = command.words;
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string& v = words[k].value;
    if (v == "-exec" || v == "-execdir" || v == "-ok" || v == "-okdir") {
      return ViewFrom(words, k + 1);
    }
  }
  return std::nullopt;
}

std::string ProgramText(const CommandView& view) {
  if (view.program == nullptr) return "";
  constexpr size_t kMax = 60;
  std::string text = view.name.empty() ? view.program->value : view.name;
  if (text.size() > kMax) {
    size_t cut = kMax - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    text += "...";
  }
  return text;
}

InterpreterCall ClassifyInterpreter(const CommandView& view) {
  InterpreterCall call;
  if (view.runs_shell) {
    call.family = InterpreterFamily::kShell;
    call.reads_stdin = true;
    return call;
  }
  const bool variable = view.program != nullptr && view.program->has_expansion;
  call.family = variable ? InterpreterFamily::kUnknown : FamilyOf(view.name);
  switch (call.family) {
    case InterpreterFamily::kNone:
      return call;
    case InterpreterFamily::kShell:
    case InterpreterFamily::kUnknown:
      ParseShellOptions(view.args, call);
      break;
    case InterpreterFamily::kSu:
      ParseSu(view.args, call);
      break;
    case InterpreterFamily::kPython:
      ParseGeneric(view.args, "cm", "WXQ", "", call);
      break;
    case InterpreterFamily::kPerl:
      ParseGeneric(view.args, "eE", "", "IMmxil0CdD", call);
      break;
    case InterpreterFamily::kRuby:
      ParseGeneric(view.args, "e", "rICE", "x", call);
      break;
    case InterpreterFamily::kNode:
      ParseGeneric(view.args, "ep", "rC", "", call);
      break;
    case InterpreterFamily::kPhp:
      ParseGeneric(view.args, "rBRFE", "dczfSt", "", call);
      if (call.script == nullptr) {  // `php -f FILE`
        for (size_t k = 0; k + 1 < view.args.size(); ++k) {
          if (view.args[k]->value == "-f") call.script = view.args[k + 1];
        }
      }
      break;
    case InterpreterFamily::kPowershell:
      ParsePowershell(view.args, call);
      break;
    case InterpreterFamily::kOther:
      ParseGeneric(view.args, "", "", "", call);
      break;
    case InterpreterFamily::kSource:
      if (!view.args.empty()) call.script = view.args[0];
      call.reads_stdin = call.script != nullptr && MayBeStdin(*call.script);
      return call;
  }
  // `sh -s` leaves the script unset: stdin is read even with operands; `su` always reads stdin.
  call.reads_stdin = !call.runs_inline && (call.script == nullptr || MayBeStdin(*call.script));
  return call;
}

}  // namespace riskgate::evaluate::pins
