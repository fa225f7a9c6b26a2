// Stage 3 (evaluate), pins: groups shell tokens into pipelines of simple commands.
// Input: script text. Output: pipelines in source order; compound-command keywords (if, while,
// for, case, function definitions, braces, subshells) are dropped so the commands inside them
// are seen like any other; a group whose output is piped, or which reads a pipe, is noted on the
// pipelines it touches. Tolerant: a malformed script still yields every command it can.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/shell_lexer.h"

namespace riskgate::evaluate::pins {

struct ShellRedirect {
  std::string op;  // ">", "2>", ">>", "<", "<<", "<<<", ...
  ShellWord target;
  std::string heredoc;  // body of `<<` and `<<-`
  size_t heredoc_offset = 0;
};

struct ShellSimpleCommand {
  std::vector<ShellWord> words;  // assignments and prefixes (sudo, env) included
  std::vector<ShellRedirect> redirects;
  size_t begin = 0;  // raw extent in the script
  size_t end = 0;
};

struct ShellPipeline {
  std::vector<ShellSimpleCommand> commands;  // joined by `|` or `|&`
  size_t begin = 0;
  size_t end = 0;
  size_t index = 0;  // 0, 1, 2... in the order pipelines are completed
  // `( … ) | cmd`, `{ …; } | cmd`, `… done | cmd`: the index of the first pipeline of the group
  // whose output this pipeline's first command reads (the group's pipelines come before it).
  std::optional<size_t> fed_by_group;
  // `cmd | ( … )`, `cmd | { …; }`, `cmd | while …; done`: inside such a group, the index of the
  // pipeline whose output is the group's standard input.
  std::optional<size_t> fed_by_pipeline;
  std::string function;  // the innermost function whose body holds this pipeline, if any
};

std::vector<ShellPipeline> ParseShell(std::string_view script);

// Calls `visit` with each pipeline as soon as it is complete, in source order: a long script is
// never held whole.
void ForEachPipeline(std::string_view script,
                     const std::function<void(const ShellPipeline&)>& visit);

}  // namespace riskgate::evaluate::pins
