#include "evaluate/pins/shell_lexer.h"

#include "evaluate/pins/shell_words.h"

#include <array>
#include <cctype>
#include <memory>

namespace riskgate::evaluate::pins {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  // Tokens up to and including the next newline, with that line's here-documents read; false
  // at the end of the text.
  bool NextLine(std::vector<ShellToken>& tokens) {
    tokens_.clear();
    while (!AtEnd()) {
      const char c = Peek();
      if (IsBlank(c)) {
        ++i_;
      } else if (IsContinuation()) {
        SkipContinuation();
      } else if (c == '#') {
        while (!AtEnd() && Peek() != '\n') ++i_;
      } else if (c == '\n') {
        ShellToken t;
        t.kind = ShellTokenKind::kNewline;
        t.op = "\n";
        t.begin = i_;
        t.end = ++i_;
        tokens_.push_back(std::move(t));
        ReadHeredocBodies();
        break;
      } else {
        ShellToken t;
        t.begin = i_;
        if (!ReadRedirect(t) && !ReadOperator(t)) {
          t.kind = ShellTokenKind::kWord;
          t.word = ReadWord();
        }
        t.end = i_;
        if (t.end == t.begin) ++i_;  // cannot happen; guarantees progress on any input
        tokens_.push_back(std::move(t));
      }
    }
    pending_heredocs_.clear();  // at the end of the text: bodies stay empty
    tokens.swap(tokens_);
    return !tokens.empty();
  }

 private:
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  bool IsContinuation() const {
    return Peek() == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n'));
  }
  void SkipContinuation() { i_ += Peek(1) == '\n' ? 2 : 3; }
  size_t After(size_t close) const { return close < s_.size() ? close + 1 : s_.size(); }

  bool ReadOperator(ShellToken& t) {
    if (Peek() == '(' && Peek(1) == '(') {  // arithmetic command or two subshells: see kArithmetic
      const size_t close = FindClosing(s_, i_ + 1, '(');
      t.kind = ShellTokenKind::kWord;
      t.word.begin = i_;
      t.word.value = std::string(s_.substr(i_, After(close) - i_));
      t.word.substitutions.push_back({ShellSubstitution::Kind::kArithmetic,
                                      std::string(s_.substr(i_ + 1, close - i_ - 1)), i_ + 1});
      i_ = After(close);
      t.word.end = i_;
      return true;
    }
    static constexpr std::array<std::string_view, 11> kOps = {";;&", ";;", ";&", "&&", "||", "|&",
                                                              "|",   "&",  ";",  "(",  ")"};
    for (std::string_view op : kOps) {
      if (s_.substr(i_).starts_with(op)) {
        t.kind = ShellTokenKind::kOperator;
        t.op = std::string(op);
        i_ += op.size();
        return true;
      }
    }
    return false;
  }

  bool ReadRedirect(ShellToken& t) {
    size_t j = i_;
    while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j])) != 0) ++j;
    static constexpr std::array<std::string_view, 12> kRedirects = {
        "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">&", ">|", ">", "&>>", "&>"};
    const std::string_view rest = s_.substr(j);
    if (rest.starts_with("<(") || rest.starts_with(">(")) return false;  // process substitution
    for (std::string_view op : kRedirects) {
      if (!rest.starts_with(op) || (op[0] == '&' && j != i_)) continue;
      t.kind = ShellTokenKind::kRedirect;
      t.op = std::string(s_.substr(i_, j - i_)) + std::string(op);
      i_ = j + op.size();
      while (!AtEnd() && (IsBlank(Peek()) || IsContinuation())) {
        if (IsContinuation()) {
          SkipContinuation();
        } else {
          ++i_;
        }
      }
      const char c = Peek();
      if (!AtEnd() && c != '\n' && c != ';' && c != '|' && c != '&' && c != ')' && c != '(') {
        t.word = ReadWord();
      }
      if (op == "<<" || op == "<<-") pending_heredocs_.push_back(tokens_.size());
      return true;
    }
    return false;
  }

  void ReadHeredocBodies() {
    for (size_t index : pending_heredocs_) {
      ShellToken& t = tokens_[index];
      const bool strip_tabs = t.op.ends_with("<<-");
      const size_t body_start = i_;
      size_t body_end = s_.size();
      while (!AtEnd()) {
        const size_t eol = s_.find('\n', i_);
        const size_t line_end = eol == std::string_view::npos ? s_.size() : eol;
        std::string_view line = s_.substr(i_, line_end - i_);
        if (line.ends_with('\r')) line.remove_suffix(1);
        while (strip_tabs && line.starts_with('\t')) line.remove_prefix(1);
        const size_t line_start = i_;
        i_ = After(line_end);
        if (line == t.word.value) {
          body_end = line_start;
          break;
        }
      }
      t.heredoc = std::string(s_.substr(body_start, body_end - body_start));
      t.heredoc_offset = body_start;
    }
    pending_heredocs_.clear();
  }

  ShellWord ReadWord() {
    ShellWord w;
    w.begin = i_;
    while (!AtEnd()) {
      const char c = Peek();
      if (IsContinuation()) {
        SkipContinuation();
        continue;
      }
      if (IsBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') break;
      if (c == '(') {
        if (w.value.empty() || w.value.back() != '=') break;
        const size_t close = FindClosing(s_, i_ + 1, '(');  // array assignment a=(x y)
        w.value += s_.substr(i_, After(close) - i_);
        i_ = After(close);
        continue;
      }
      if (c == '<' || c == '>') {
        if (Peek(1) != '(') break;
        ReadSubstitution(
            w, i_ + 2,
            c == '<' ? ShellSubstitution::Kind::kProcessIn : ShellSubstitution::Kind::kProcessOut);
        continue;
      }
      switch (c) {
        case '\\':
          w.quoted = true;
          if (i_ + 1 < s_.size()) w.value += s_[i_ + 1];
          i_ += 2;
          break;
        case '\'': {
          w.quoted = true;
          const size_t close = s_.find('\'', i_ + 1);
          const size_t stop = close == std::string_view::npos ? s_.size() : close;
          w.value += s_.substr(i_ + 1, stop - i_ - 1);
          i_ = After(stop);
          break;
        }
        case '"':
          ReadDoubleQuoted(w);
          break;
        case '$':
          ReadDollar(w, false);
          break;
        case '`':
          ReadBackquote(w);
          break;
        default:
          if (c == '{') w.brace = true;
          w.value += c;
          ++i_;
      }
    }
    if (i_ > s_.size()) i_ = s_.size();
    if (i_ == w.begin && !AtEnd()) w.value += s_[i_++];  // a lone terminator: keep progress
    w.end = i_;
    return w;
  }

  void ReadDoubleQuoted(ShellWord& w) {
    w.quoted = true;
    ++i_;
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '"') {
        ++i_;
        return;
      }
      if (c == '\\') {
        const char d = Peek(1);
        if (d == '\n') {
          i_ += 2;
        } else if (d == '$' || d == '`' || d == '"' || d == '\\') {
          w.value += d;
          i_ += 2;
        } else {
          w.value += c;
          ++i_;
        }
      } else if (c == '$') {
        ReadDollar(w, true);
      } else if (c == '`') {
        ReadBackquote(w);
      } else {
        w.value += c;
        ++i_;
      }
    }
  }

  void ReadDollar(ShellWord& w, bool in_double_quotes) {
    const char d = Peek(1);
    if (d == '\'' && !in_double_quotes) {  // $'...' with C escapes
      w.quoted = true;
      i_ += 2;
      while (!AtEnd() && Peek() != '\'') {
        if (Peek() == '\\' && i_ + 1 < s_.size()) {
          i_ = DecodeAnsiEscape(s_, i_ + 1, w.value);
        } else {
          w.value += s_[i_++];
        }
      }
      if (!AtEnd()) ++i_;
      return;
    }
    if (d == '"' && !in_double_quotes) {
      ++i_;
      ReadDoubleQuoted(w);
      return;
    }
    const size_t start = i_;
    if (d == '(' && Peek(2) == '(') {  // its `$(...)` run; bash may read it as `$( (...) )`
      const size_t close = FindClosing(s_, i_ + 2, '(');
      w.substitutions.push_back({ShellSubstitution::Kind::kArithmetic,
                                 std::string(s_.substr(i_ + 2, close - i_ - 2)), i_ + 2});
      i_ = After(close);
    } else if (d == '(') {
      ReadSubstitution(w, i_ + 2, ShellSubstitution::Kind::kCommand);
      return;
    } else if (d == '{') {
      i_ = After(FindClosing(s_, i_ + 2, '{'));
    } else if (std::isdigit(static_cast<unsigned char>(d)) != 0 ||
               std::string_view("@*#?$!-").find(d) != std::string_view::npos) {
      i_ += 2;
    } else if (IsNameChar(d)) {
      i_ += 2;
      while (!AtEnd() && IsNameChar(Peek())) ++i_;
    } else {
      w.value += '$';
      ++i_;
      return;
    }
    w.has_expansion = true;
    w.value += s_.substr(start, i_ - start);
  }

  // `start` is just after the opening parenthesis of $(, <( or >(.
  void ReadSubstitution(ShellWord& w, size_t start, ShellSubstitution::Kind kind) {
    const size_t close = FindClosing(s_, start, '(');
    w.substitutions.push_back({kind, std::string(s_.substr(start, close - start)), start});
    w.value += s_.substr(i_, After(close) - i_);
    w.has_expansion = true;
    i_ = After(close);
  }

  void ReadBackquote(ShellWord& w) {
    size_t j = i_ + 1;
    while (j < s_.size() && s_[j] != '`') j += s_[j] == '\\' ? 2 : 1;
    const size_t close = j < s_.size() ? j : s_.size();
    std::string inner;
    for (size_t k = i_ + 1; k < close; ++k) {
      if (s_[k] == '\\' && k + 1 < close &&
          (s_[k + 1] == '`' || s_[k + 1] == '\\' || s_[k + 1] == '$')) {
        ++k;
      }
      inner += s_[k];
    }
    w.substitutions.push_back({ShellSubstitution::Kind::kCommand, std::move(inner), i_ + 1});
    w.value += s_.substr(i_, After(close) - i_);
    w.has_expansion = true;
    i_ = After(close);
  }

  std::string_view s_;
  size_t i_ = 0;
  std::vector<ShellToken> tokens_;
  std::vector<size_t> pending_heredocs_;
};

bool StartsComment(std::string_view text, size_t i, size_t start) {
  if (i == start) return true;
  const char p = text[i - 1];
  return IsBlank(p) || p == '\n' || p == ';' || p == '(' || p == '|' || p == '&';
}

}  // namespace

std::vector<ShellToken> LexShell(std::string_view script) {
  Lexer lexer(script);
  std::vector<ShellToken> all;
  for (std::vector<ShellToken> line; lexer.NextLine(line);) {
    for (auto& t : line) all.push_back(std::move(t));
  }
  return all;
}

struct ShellLineLexer::State {
  Lexer lexer;
};

ShellLineLexer::ShellLineLexer(std::string_view script)
    : state_(std::make_unique<State>(State{Lexer(script)})) {}
ShellLineLexer::~ShellLineLexer() = default;
bool ShellLineLexer::Next(std::vector<ShellToken>& tokens) {
  return state_->lexer.NextLine(tokens);
}

bool ShellWord::IsProcessSubstitution() const {
  return substitutions.size() == 1 &&
         (substitutions[0].kind == ShellSubstitution::Kind::kProcessIn ||
          substitutions[0].kind == ShellSubstitution::Kind::kProcessOut) &&
         (value.starts_with("<(") || value.starts_with(">(")) &&
         value.size() <= substitutions[0].text.size() + 3;
}

bool ShellWord::IsArithmeticCommand() const {
  return substitutions.size() == 1 &&
         substitutions[0].kind == ShellSubstitution::Kind::kArithmetic && value.starts_with("((") &&
         value.size() <= substitutions[0].text.size() + 3;
}

size_t FindClosing(std::string_view text, size_t start, char opener) {
  std::vector<char> open{opener};
  size_t i = start;
  while (i < text.size()) {
    const char c = text[i];
    const char top = open.back();
    if (top == '"' || top == '`') {
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == top) {
        open.pop_back();
      } else if (top == '"' && c == '$' && i + 1 < text.size() &&
                 (text[i + 1] == '(' || text[i + 1] == '{')) {
        open.push_back(text[++i]);
      } else if (top == '"' && c == '`') {
        open.push_back('`');
      }
      ++i;
      continue;
    }
    switch (c) {
      case '\\':
        i += 2;
        continue;
      case '\'': {
        if (top == '{') break;  // ${x#'} is rare; quotes inside ${} are not balanced here
        const size_t close = text.find('\'', i + 1);
        i = close == std::string_view::npos ? text.size() : close + 1;
        continue;
      }
      case '"':
      case '`':
        open.push_back(c);
        break;
      case '(':
        open.push_back('(');
        break;
      case '{':
        if (i > 0 && text[i - 1] == '$') open.push_back('{');
        break;
      case ')':
      case '}':
        if (top == (c == ')' ? '(' : '{')) {
          open.pop_back();
          if (open.empty()) return i;
        }
        break;
      case '#':
        if (top == '(' && StartsComment(text, i, start)) {
          while (i < text.size() && text[i] != '\n') ++i;
          continue;
        }
        break;
      default:
        break;
    }
    ++i;
  }
  return text.size();
}

}  // namespace riskgate::evaluate::pins
