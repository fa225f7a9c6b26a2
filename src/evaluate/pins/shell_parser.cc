#include "evaluate/pins/shell_parser.h"

#include <algorithm>
#include <array>
#include <utility>

#include "evaluate/pins/shell_words.h"

namespace riskgate::evaluate::pins {
namespace {

// Words that open or continue a compound command; the command after them is what runs.
bool IsLeadingKeyword(std::string_view v) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "if", "then", "elif", "else",   "do", "while", "until",
      "!",  "{",    "time", "coproc", "fi", "done",  "}"};
  return std::find(kWords.begin(), kWords.end(), v) != kWords.end();
}

class Parser {
 public:
  // Consumes tokens; complete pipelines are then in Take().
  void Feed(const std::vector<ShellToken>& tokens) {
    for (size_t k = 0; k < tokens.size(); ++k) {
      const ShellToken& t = tokens[k];
      const bool in_pattern = !case_patterns_.empty() && case_patterns_.back();
      if (in_test_ && InTest(t)) continue;
      const std::optional<size_t> closed = std::exchange(closed_group_, std::nullopt);
      if (t.kind == ShellTokenKind::kNewline) {
        if (in_pattern || pipe_pending_) continue;
        FinishPipeline();
        if (header_ == Header::kFor) header_ = Header::kForAwaitDo;
        if (header_ == Header::kCase || header_ == Header::kFunctionName) header_ = Header::kNone;
      } else if (t.kind == ShellTokenKind::kOperator) {
        if (in_pattern) {
          if (t.op == ")") case_patterns_.back() = false;
        } else if (t.op == "|" || t.op == "|&") {
          FinishCommand();
          if (closed && pipeline_.commands.empty()) pipeline_.fed_by_group = closed;
          pipe_pending_ = true;
        } else if (t.op == "(" && command_.words.size() == 1 && command_.redirects.empty() &&
                   k + 1 < tokens.size() && tokens[k + 1].op == ")") {
          NameFunction(command_.words[0].value);  // `name() { ...; }`: a definition, not a command
          command_ = {};
          ++k;
        } else if (t.op == "(") {
          OpenGroup();
        } else if (t.op == ")") {
          CloseGroup();
        } else {
          FinishPipeline();
          if (t.op == ";;" || t.op == ";&" || t.op == ";;&") {
            if (!case_patterns_.empty()) case_patterns_.back() = true;
          }
          if (header_ == Header::kFor && t.op == ";") header_ = Header::kForAwaitDo;
        }
      } else if (t.kind == ShellTokenKind::kRedirect) {
        if (in_pattern || header_ == Header::kFor || header_ == Header::kCase) continue;
        Extend(t);
        command_.redirects.push_back({t.op, t.word, t.heredoc, t.heredoc_offset});
      } else {
        Word(t, in_pattern);
      }
    }
  }

  void Finish() { FinishPipeline(); }

  std::vector<ShellPipeline> Take() {
    std::vector<ShellPipeline> done;
    done.swap(out_);
    return done;
  }

 private:
  enum class Header { kNone, kFor, kForAwaitDo, kCase, kFunctionName };

  // Inside `[[ … ]]`, `||`, `&&`, `(`, `)`, `<` and `>` belong to the test expression, not to
  // the shell: `[[ -z "$X" || "$X" == null ]]` is one command, and `"$X"` is no command name.
  // Whether the token was taken as part of the test. A newline ends the test unless it follows
  // `||` or `&&` (bash reads on), so an unclosed `[[` hides no line after it.
  bool InTest(const ShellToken& t) {
    if (t.kind == ShellTokenKind::kNewline) {
      if (test_continues_) return true;
      in_test_ = false;
      return false;
    }
    if (t.kind == ShellTokenKind::kOperator) {
      if (t.op != "||" && t.op != "&&" && t.op != "(" && t.op != ")") {
        in_test_ = false;
        return false;
      }
      test_continues_ = t.op == "||" || t.op == "&&";
      Extend(t);
      return true;
    }
    test_continues_ = false;
    if (t.kind == ShellTokenKind::kRedirect) {
      if (t.op != "<" && t.op != ">") {
        in_test_ = false;
        return false;
      }
      Extend(t);
      command_.words.push_back(t.word);  // the operand compared with
      return true;
    }
    if (t.word.value == "]]" && !t.word.quoted) in_test_ = false;
    return false;
  }

  void Word(const ShellToken& t, bool in_pattern) {
    const std::string& v = t.word.value;
    const bool keyword_position = command_.words.empty() && !t.word.quoted;
    if (in_pattern) {
      if (keyword_position && v == "esac") {
        case_patterns_.pop_back();
        CloseGroup();
      }
      return;
    }
    switch (header_) {
      case Header::kFor:
        KeepSubstitutions(t);
        return;
      case Header::kCase:
        if (v == "in" && !t.word.quoted) {
          header_ = Header::kNone;
          case_patterns_.push_back(true);
        }
        KeepSubstitutions(t);
        return;
      case Header::kFunctionName:
        header_ = Header::kNone;
        NameFunction(v);
        return;
      case Header::kForAwaitDo:
        header_ = Header::kNone;
        if (keyword_position && v == "do") return;
        break;
      case Header::kNone:
        break;
    }
    if (keyword_position) {
      if (v == "[[") {
        in_test_ = true;
        test_continues_ = false;
      }
      if (v == "{" || v == "if" || v == "while" || v == "until") OpenGroup();
      if (v == "}" || v == "fi" || v == "done") CloseGroup();
      if (IsLeadingKeyword(v)) return;
      if (v == "esac") {
        if (!case_patterns_.empty()) case_patterns_.pop_back();
        CloseGroup();
        return;
      }
      if (v == "for" || v == "select") {
        OpenGroup();
        header_ = Header::kFor;
        return;
      }
      if (v == "case") {
        OpenGroup();
        header_ = Header::kCase;
        return;
      }
      if (v == "function") {
        header_ = Header::kFunctionName;
        return;
      }
    }
    Extend(t);
    if (!t.word.brace) {
      command_.words.push_back(t.word);
      return;
    }
    constexpr size_t kMaxBraceWords = 32;
    for (std::string& value : BraceExpand(t.word.value, kMaxBraceWords)) {
      command_.words.push_back(t.word);
      command_.words.back().value = std::move(value);
    }
  }

  // `for x in $(…)`, `case $(…) in`: the header's words are not a command, but their
  // substitutions run; they are kept as a command of their own.
  void KeepSubstitutions(const ShellToken& t) {
    if (t.word.substitutions.empty()) return;
    Extend(t);
    command_.words.push_back(t.word);
  }

  // `(`, `{`, if, while, until, for, select, case. A group opened right after `|` reads that
  // pipeline's output; a group inside it reads the same input.
  void OpenGroup() {
    const bool piped = pipe_pending_ && command_.words.empty() && command_.redirects.empty() &&
                       !pipeline_.commands.empty();
    FinishPipeline();
    Group group{completed_, std::nullopt, std::exchange(function_, "")};
    if (piped) {
      group.feeder = completed_ - 1;
    } else if (!groups_.empty()) {
      group.feeder = groups_.back().feeder;
    }
    if (group.function.empty() && !groups_.empty()) group.function = groups_.back().function;
    groups_.push_back(std::move(group));
  }

  // `)`, `}`, fi, done, esac: a `|` right after pipes the group's output.
  void CloseGroup() {
    FinishPipeline();
    if (groups_.empty()) return;
    closed_group_ = groups_.back().first;
    groups_.pop_back();
  }

  void Extend(const ShellToken& t) {
    pipe_pending_ = false;
    if (command_.words.empty() && command_.redirects.empty()) command_.begin = t.begin;
    command_.end = t.end;
  }

  void FinishCommand() {
    if (command_.words.empty() && command_.redirects.empty()) return;
    if (pipeline_.commands.empty()) pipeline_.begin = command_.begin;
    pipeline_.end = command_.end;
    pipeline_.commands.push_back(std::move(command_));
    command_ = {};
  }

  void FinishPipeline() {
    FinishCommand();
    pipe_pending_ = false;
    if (!pipeline_.commands.empty()) {
      pipeline_.index = completed_++;
      if (!groups_.empty()) {
        pipeline_.fed_by_pipeline = groups_.back().feeder;
        pipeline_.function = groups_.back().function;
      }
      out_.push_back(std::move(pipeline_));
    }
    pipeline_ = {};
  }

  // A function name is an identifier: a longer word is not remembered, which bounds copying.
  void NameFunction(const std::string& name) {
    constexpr size_t kMaxFunctionName = 128;
    function_ = name.size() <= kMaxFunctionName ? name : "";
  }

  struct Group {
    size_t first = 0;              // index of its first pipeline
    std::optional<size_t> feeder;  // the pipeline whose output is its standard input
    std::string function;          // the innermost function whose body this is
  };

  ShellSimpleCommand command_;
  ShellPipeline pipeline_;
  std::vector<ShellPipeline> out_;
  std::vector<bool> case_patterns_;  // one per open `case`: true while reading its patterns
  Header header_ = Header::kNone;
  bool pipe_pending_ = false;           // a `|` was read: the pipeline continues on the next line
  std::vector<Group> groups_;           // open groups, innermost last
  std::optional<size_t> closed_group_;  // the last token closed a group: its first pipeline
  size_t completed_ = 0;                // pipelines completed so far
  std::string function_;                // a function was named: the next group is its body
  bool in_test_ = false;                // inside `[[ … ]]`
  bool test_continues_ = false;         // the test's last token was `||` or `&&`
};

}  // namespace

void ForEachPipeline(std::string_view script,
                     const std::function<void(const ShellPipeline&)>& visit) {
  Parser parser;
  ShellLineLexer lexer(script);
  for (std::vector<ShellToken> line; lexer.Next(line);) {
    parser.Feed(line);
    for (const ShellPipeline& p : parser.Take()) visit(p);
  }
  parser.Finish();
  for (const ShellPipeline& p : parser.Take()) visit(p);
}

std::vector<ShellPipeline> ParseShell(std::string_view script) {
  std::vector<ShellPipeline> all;
  ForEachPipeline(script, [&](const ShellPipeline& p) { all.push_back(p); });
  return all;
}

}  // namespace riskgate::evaluate::pins
