#include "evaluate/pins/shell_parser.h"

#include <algorithm>
#include <array>

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
          pipe_pending_ = true;
        } else if (t.op == "(" && command_.words.size() == 1 && command_.redirects.empty() &&
                   k + 1 < tokens.size() && tokens[k + 1].op == ")") {
          command_ = {};  // `name() { ...; }`: a function definition, not a command
          ++k;
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

  void Word(const ShellToken& t, bool in_pattern) {
    const std::string& v = t.word.value;
    const bool keyword_position = command_.words.empty() && !t.word.quoted;
    if (in_pattern) {
      if (keyword_position && v == "esac") case_patterns_.pop_back();
      return;
    }
    switch (header_) {
      case Header::kFor:
        return;
      case Header::kCase:
        if (v == "in" && !t.word.quoted) {
          header_ = Header::kNone;
          case_patterns_.push_back(true);
        }
        return;
      case Header::kFunctionName:
        header_ = Header::kNone;
        return;
      case Header::kForAwaitDo:
        header_ = Header::kNone;
        if (keyword_position && v == "do") return;
        break;
      case Header::kNone:
        break;
    }
    if (keyword_position) {
      if (IsLeadingKeyword(v)) return;
      if (v == "esac") {
        if (!case_patterns_.empty()) case_patterns_.pop_back();
        return;
      }
      if (v == "for" || v == "select") {
        header_ = Header::kFor;
        return;
      }
      if (v == "case") {
        header_ = Header::kCase;
        return;
      }
      if (v == "function") {
        header_ = Header::kFunctionName;
        return;
      }
    }
    Extend(t);
    command_.words.push_back(t.word);
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
    if (!pipeline_.commands.empty()) out_.push_back(std::move(pipeline_));
    pipeline_ = {};
  }

  ShellSimpleCommand command_;
  ShellPipeline pipeline_;
  std::vector<ShellPipeline> out_;
  std::vector<bool> case_patterns_;  // one per open `case`: true while reading its patterns
  Header header_ = Header::kNone;
  bool pipe_pending_ = false;  // a `|` was read: the pipeline continues on the next line
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
