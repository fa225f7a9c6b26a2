#include "evaluate/pins/shell_command.h"

#include <cctype>

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

InterpreterFamily FamilyOf(std::string_view name) {
  if (name == "sh" || name == "bash" || name == "dash" || name == "ksh" || name == "mksh" ||
      name == "zsh" || name == "ash" || name == "fish") {
    return InterpreterFamily::kShell;
  }
  if (name == "su") return InterpreterFamily::kSu;
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

CommandView ViewCommand(const ShellSimpleCommand& command) {
  CommandView view;
  const auto& words = command.words;
  size_t i = 0;
  while (i < words.size()) {
    const ShellWord& w = words[i];
    if (IsAssignment(w.value)) {
      ++i;
      continue;
    }
    const std::string name = w.has_expansion ? "" : ProgramName(w.value);
    if (name == "sudo" || name == "doas") {
      i = SkipOptions(words, i + 1, "ugpCDhrtURT");
    } else if (name == "env") {
      i = SkipOptions(words, i + 1, "uCS");
    } else if (name == "command" || name == "builtin") {
      if (i + 1 < words.size() && (words[i + 1].value == "-v" || words[i + 1].value == "-V")) {
        return view;  // a lookup, not a run
      }
      i = SkipOptions(words, i + 1, "");
    } else if (name == "exec") {
      i = SkipOptions(words, i + 1, "a");
    } else if (name == "nohup" || name == "time") {
      i = SkipOptions(words, i + 1, "");
    } else if (name == "nice") {
      i = SkipOptions(words, i + 1, "n");
    } else if (name == "stdbuf") {
      i = SkipOptions(words, i + 1, "ioe");
    } else if (name == "timeout") {
      i = SkipOptions(words, i + 1, "sk") + 1;  // and the duration
    } else if (name == "busybox" && i + 1 < words.size()) {
      ++i;
    } else {
      break;
    }
  }
  if (i >= words.size()) return view;
  view.program = &words[i];
  view.name = words[i].has_expansion ? "" : ProgramName(words[i].value);
  for (size_t k = i + 1; k < words.size(); ++k) view.args.push_back(&words[k]);
  return view;
}

InterpreterCall ClassifyInterpreter(const CommandView& view) {
  InterpreterCall call;
  call.family = FamilyOf(view.name);
  switch (call.family) {
    case InterpreterFamily::kNone:
      return call;
    case InterpreterFamily::kShell:
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
      call.reads_stdin = call.script != nullptr && IsStdinPath(call.script->value);
      return call;
  }
  // `sh -s` leaves the script unset: stdin is read even with operands; `su` always reads stdin.
  call.reads_stdin =
      !call.runs_inline && (call.script == nullptr || IsStdinPath(call.script->value));
  return call;
}

}  // namespace riskgate::evaluate::pins
