// Stage 3 (evaluate), pins: splits POSIX shell text into words, operators and redirections.
// Input: script text. Output: tokens with byte offsets into that text. Tolerant by design: it
// never fails; an unterminated quote or substitution runs to the end of the text. No I/O.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

// `$(...)` or backquotes (kCommand), `<(...)` (kProcessIn), `>(...)` (kProcessOut), and the
// parenthesised body of `((...))` or `$((...))` (kArithmetic): arithmetic in bash and ksh, but two
// nested subshells in POSIX sh (dash, busybox ash) and in bash when it is no valid expression, so
// its text is also analysed as a script: neither reading can hide a command.
struct ShellSubstitution {
  enum class Kind { kCommand, kProcessIn, kProcessOut, kArithmetic };
  Kind kind = Kind::kCommand;
  std::string text;   // the inner script (backquote escapes undone)
  size_t offset = 0;  // where `text` starts in the lexed script
};

struct ShellWord {
  std::string value;  // quotes removed; expansions kept verbatim ("$X", "$(cmd)")
  size_t begin = 0;   // raw extent in the lexed script
  size_t end = 0;
  bool quoted = false;         // some part was quoted or escaped
  bool has_expansion = false;  // some part is $..., `...` or <(...)
  bool brace = false;          // an unquoted `{`: bash may brace-expand the word
  std::vector<ShellSubstitution> substitutions;

  // True when the whole word is one process substitution, e.g. `<(curl -s URL)`.
  bool IsProcessSubstitution() const;
  // True when the whole word is an arithmetic command `((...))`.
  bool IsArithmeticCommand() const;
};

enum class ShellTokenKind { kWord, kOperator, kRedirect, kNewline };

struct ShellToken {
  ShellTokenKind kind = ShellTokenKind::kWord;
  std::string op;       // operator ("|", "&&", ";", "(") or redirection (">", "2>", "<<", "<<<")
  ShellWord word;       // kWord; for kRedirect the target (for `<<` the delimiter)
  std::string heredoc;  // body of a `<<` / `<<-` here-document
  size_t heredoc_offset = 0;
  size_t begin = 0;
  size_t end = 0;
};

std::vector<ShellToken> LexShell(std::string_view script);

// The same tokens one line at a time (a newline token ends each batch), so a long script is
// never held as tokens all at once.
class ShellLineLexer {
 public:
  explicit ShellLineLexer(std::string_view script);
  ~ShellLineLexer();
  bool Next(std::vector<ShellToken>& tokens);  // false at the end

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Index of the `)` (or `}` when `opener` is '{') closing a group whose opener ends just before
// `start`, skipping quotes and nested groups; `text.size()` when there is none.
size_t FindClosing(std::string_view text, size_t start, char opener);

}  // namespace riskgate::evaluate::pins
