// Stage 3 (evaluate), pins: a Dockerfile split into instructions the way BuildKit reads it.
// Input: Dockerfile text. Output: instructions with their arguments (continuation lines joined
// for BuildKit's view, and kept with their line breaks for shell analysis), here-documents of
// RUN/COPY/ADD, and problems with line numbers. Handles the `# escape=` directive, comment and
// blank lines inside continuations, CRLF and a UTF-8 BOM. Never fails. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

struct DockerHeredoc {
  std::string delimiter;
  std::string body;
  int first_line = 0;  // line of the body's first line
};

struct DockerInstruction {
  std::string keyword;  // upper-case: FROM, RUN, ...
  int line = 0;         // of the keyword
  int column = 0;
  // Arguments as written, lines joined by '\n' with their continuation escapes (as `\`); lines
  // BuildKit drops inside a continuation (comments, blank lines) are a lone `\`, so line
  // numbers stay true. Starts at args_line:args_column.
  std::string args;
  int args_line = 0;
  int args_column = 0;
  std::string joined;  // arguments as BuildKit sees them: continuations removed
  std::vector<DockerHeredoc> heredocs;
  std::string heredoc_lines;  // "\n" + every line from the first body line to the last delimiter
};

struct DockerfileSyntax {
  std::vector<DockerInstruction> instructions;
  std::vector<std::string> errors;  // "line N: ..."
};

DockerfileSyntax ParseDockerfileSyntax(std::string_view text);

// The elements of a JSON array of strings (`["sh", "-c", "..."]`, the exec form); nullopt when
// `text` is not one, in which case BuildKit reads the instruction as shell form.
std::optional<std::vector<std::string>> ParseExecForm(std::string_view text);

}  // namespace riskgate::evaluate::pins
