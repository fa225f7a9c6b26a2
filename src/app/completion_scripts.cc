#include "app/completion_scripts.h"

#include <algorithm>
#include <sstream>

namespace riskgate::app {
namespace {

std::string Joined(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
  return out;
}

// The help's first sentence, on one line, at most 80 characters.
std::string Short(const std::string& help) {
  std::string out;
  for (char c : help) {
    if (c == '\n' || c == '\t') c = ' ';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  if (auto stop = out.find(". "); stop != std::string::npos) out.resize(stop);
  if (auto stop = out.find(" ("); stop != std::string::npos && stop > 20) out.resize(stop);
  if (out.size() > 80) out = out.substr(0, 77) + "...";
  return out;
}

// The commands one word below `parent`.
std::vector<const CompletionCommand*> Children(const std::vector<CompletionCommand>& commands,
                                               const CompletionCommand& parent) {
  std::vector<const CompletionCommand*> out;
  for (const auto& child : commands) {
    if (child.path.size() == parent.path.size() + 1 &&
        std::equal(parent.path.begin(), parent.path.end(), child.path.begin())) {
      out.push_back(&child);
    }
  }
  return out;
}

// 'text' for the shells: a single quote becomes '\''.
std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Bash(const std::vector<CompletionCommand>& commands) {
  std::ostringstream out;
  out << "# bash completion for riskgate (written by `riskgate completion bash`)\n"
         "_riskgate() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path='' i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"$path ${COMP_WORDS[i]}\" in\n";
  for (const auto& command : commands) {
    if (!command.path.empty()) out << "      " << Quoted(" " + Joined(command.path, " ")) << ") ";
    if (!command.path.empty()) out << "path=\"$path ${COMP_WORDS[i]}\" ;;\n";
  }
  out << "    esac\n"
         "  done\n"
         "  local words='' values=''\n"
         "  case $path in\n";
  for (const auto& command : commands) {
    std::vector<std::string> options;
    std::vector<std::string> values;
    for (const auto& option : command.options) {
      for (const auto& name : option.names) {
        options.push_back(name);
        if (option.takes_value) values.push_back(name);
      }
    }
    out << "    " << Quoted(command.path.empty() ? "" : " " + Joined(command.path, " "))
        << ") words="
        << Quoted(Joined(command.children, " ") + (command.children.empty() ? "" : " ") +
                  Joined(options, " "))
        << " values=" << Quoted(" " + Joined(values, " ") + " ") << " ;;\n";
  }
  out << "  esac\n"
         "  if [[ $values == *\" $prev \"* ]]; then\n"
         "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
         "  [[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- \"$cur\"))\n"
         "}\n"
         "complete -o filenames -F _riskgate riskgate\n";
  return out.str();
}

// A zsh _arguments or _describe text: the characters those parse escaped.
std::string ZshText(const std::string& text) {
  std::string out;
  for (char c : Short(text)) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Zsh(const std::vector<CompletionCommand>& commands) {
  std::ostringstream out;
  out << "#compdef riskgate\n"
         "# zsh completion for riskgate (written by `riskgate completion zsh`)\n"
         "_riskgate() {\n"
         "  local -a words_before=(${words[2,CURRENT-1]}) path_words=() children=() specs=()\n"
         "  local word\n"
         "  for word in $words_before; do\n"
         "    case \"${path_words[*]} $word\" in\n";
  for (const auto& command : commands) {
    if (command.path.empty()) continue;
    out << "      " << Quoted(" " + Joined(command.path, " ")) << ") path_words+=($word) ;;\n";
  }
  out << "    esac\n"
         "  done\n"
         "  case \" ${path_words[*]}\" in\n";
  for (const auto& command : commands) {
    out << "    " << Quoted(" " + Joined(command.path, " ")) << ")\n";
    for (const auto* child : Children(commands, command)) {
      out << "      children+=(" << Quoted(ZshText(child->path.back()) + ":" + ZshText(child->help))
          << ")\n";
    }
    for (const auto& option : command.options) {
      for (const auto& name : option.names) {
        out << "      specs+=("
            << Quoted(name + "[" + ZshText(option.help) + "]" +
                      (option.takes_value ? ":value:_files" : ""))
            << ")\n";
      }
    }
    if (command.takes_files) out << "      specs+=('*:file:_files')\n";
    out << "      ;;\n";
  }
  out << "  esac\n"
         "  if (( ${#children} )) && [[ $PREFIX != -* ]]; then\n"
         "    _describe -t commands command children\n"
         "  else\n"
         "    _arguments -s $specs\n"
         "  fi\n"
         "}\n"
         "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _riskgate \"$@\"; "
         "else compdef _riskgate riskgate; fi\n";
  return out.str();
}

std::string Fish(const std::vector<CompletionCommand>& commands) {
  std::ostringstream out;
  out << "# fish completion for riskgate (written by `riskgate completion fish`)\n"
         "complete -c riskgate -f\n";
  for (const auto& command : commands) {
    // Where this command's words apply: after exactly its path.
    std::string condition;
    if (command.path.empty()) {
      condition = "__fish_use_subcommand";
    } else {
      condition = "__fish_seen_subcommand_from " + command.path.back();
      if (command.path.size() > 1) {
        condition = "__fish_seen_subcommand_from " + command.path.front() + "; and " + condition;
      }
      if (!command.children.empty()) {
        condition += "; and not __fish_seen_subcommand_from " + Joined(command.children, " ");
      }
    }
    for (const auto* child : Children(commands, command)) {
      out << "complete -c riskgate -n " << Quoted(condition) << " -a " << Quoted(child->path.back())
          << " -d " << Quoted(Short(child->help)) << "\n";
    }
    for (const auto& option : command.options) {
      out << "complete -c riskgate -n " << Quoted(condition);
      for (const auto& name : option.names) {
        out << (name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1));
      }
      out << (option.takes_value ? " -r -F" : "") << " -d " << Quoted(Short(option.help)) << "\n";
    }
    if (command.takes_files && !command.path.empty()) {
      out << "complete -c riskgate -n " << Quoted(condition) << " -F\n";
    }
  }
  return out.str();
}

}  // namespace

std::optional<std::string> CompletionScript(const std::string& shell,
                                            const std::vector<CompletionCommand>& commands) {
  if (shell == "bash") return Bash(commands);
  if (shell == "zsh") return Zsh(commands);
  if (shell == "fish") return Fish(commands);
  return std::nullopt;
}

}  // namespace riskgate::app
