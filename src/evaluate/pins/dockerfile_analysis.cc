#include "evaluate/pins/dockerfile_analysis.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "core/text.h"
#include "evaluate/pins/dockerfile_syntax.h"
#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_downloads.h"

namespace riskgate::evaluate::pins {
namespace {

struct Word {
  std::string value;  // quotes removed
  size_t offset = 0;  // in the text split
};

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    Word w{"", i};
    char quote = 0;
    for (; i < s.size() && (quote != 0 || !IsSpace(s[i])); ++i) {
      if (quote != 0 && s[i] == quote) {
        quote = 0;
      } else if (quote == 0 && (s[i] == '"' || s[i] == '\'')) {
        quote = s[i];
      } else {
        w.value += s[i];
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

// ${NAME}, $NAME, ${NAME:-default}, ${NAME-default} with the values of `args`.
std::string Substitute(std::string_view text, const std::map<std::string, std::string>& args) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    if (text[i + 1] == '{') {
      const size_t close = text.find('}', i);
      if (close == std::string_view::npos) {
        out += text.substr(i);
        break;
      }
      const std::string_view inner = text.substr(i + 2, close - i - 2);
      size_t n = 0;
      while (n < inner.size() && IsNameChar(inner[n])) ++n;
      const std::string_view modifier = inner.substr(n);
      const auto it = args.find(std::string(inner.substr(0, n)));
      const bool colon = modifier.starts_with(":-");
      if (it != args.end() && !(colon && it->second.empty())) {
        out += it->second;
      } else if (colon || modifier.starts_with('-')) {
        out += modifier.substr(colon ? 2 : 1);
      } else {
        out += text.substr(i, close - i + 1);
      }
      i = close;
    } else if (IsNameChar(text[i + 1])) {
      size_t j = i + 1;
      while (j < text.size() && IsNameChar(text[j])) ++j;
      const auto it = args.find(std::string(text.substr(i + 1, j - i - 1)));
      out += it != args.end() ? std::string_view(it->second) : text.substr(i, j - i);
      i = j - 1;
    } else {
      out += '$';
    }
  }
  return out;
}

bool IsShellProgram(std::string_view path) {
  const std::string n = ProgramName(path);
  return n == "sh" || n == "bash" || n == "dash" || n == "ash" || n == "zsh" || n == "ksh" ||
         n == "mksh" || n == "su";
}

// Exec form as the shell line Scorecard analyses (elements joined by spaces), except that the
// script of `["sh", "-c", "script"]` stays one word, as the shell receives it.
std::string ExecShellText(const std::vector<std::string>& elements) {
  const bool runs_script = elements.size() >= 3 && IsShellProgram(elements[0]) &&
                           elements[1].size() > 1 && elements[1][0] == '-' &&
                           elements[1].find('c') != std::string::npos;
  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) {
    const std::string& e = elements[i];
    if (i > 0) out += ' ';
    const bool wrapped =
        e.size() >= 2 && (e.front() == '"' || e.front() == '\'') && e.back() == e.front();
    const bool blank = std::any_of(e.begin(), e.end(), IsSpace);
    if (runs_script && i == 2 && blank && !wrapped) {
      out += '\'';
      for (char c : e) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
      out += '\'';
    } else {
      out += e;
    }
  }
  return out;
}

class Checker {
 public:
  DockerfileAnalysis Run(std::string_view text) {
    DockerfileSyntax syntax = ParseDockerfileSyntax(text);
    out_.parse_errors = std::move(syntax.errors);
    for (const DockerInstruction& ins : syntax.instructions) {
      if (ins.keyword == "ARG" && !seen_from_) {
        for (const Word& w : SplitWords(ins.joined)) {
          const size_t eq = w.value.find('=');
          if (eq != std::string::npos) global_args_[w.value.substr(0, eq)] = w.value.substr(eq + 1);
        }
      } else if (ins.keyword == "FROM") {
        seen_from_ = true;
        From(ins);
      } else if (ins.keyword == "RUN") {
        Run(ins);
      } else if (ins.keyword == "COPY" || ins.keyword == "ADD") {
        CopyOrAdd(ins);
      }
    }
    // Syntax problems were found first; list every problem in line order.
    std::stable_sort(
        out_.parse_errors.begin(), out_.parse_errors.end(),
        [](const std::string& a, const std::string& b) { return LineOf(a) < LineOf(b); });
    return std::move(out_);
  }

 private:
  static long LineOf(const std::string& error) {
    return std::strtol(error.c_str() + 5, nullptr, 10);
  }

  void Error(const DockerInstruction& ins, const std::string& text) {
    out_.parse_errors.push_back("line " + std::to_string(ins.line) + ": " + text);
  }

  // Position of `offset` in `ins.args`.
  static std::pair<int, int> ArgsPosition(const DockerInstruction& ins, size_t offset) {
    const std::string_view head = std::string_view(ins.args).substr(0, offset);
    const size_t newline = head.rfind('\n');
    if (newline == std::string_view::npos) {
      return {ins.args_line, ins.args_column + static_cast<int>(offset)};
    }
    const auto lines = std::count(head.begin(), head.end(), '\n');
    return {ins.args_line + static_cast<int>(lines), static_cast<int>(offset - newline)};
  }

  // Position of `offset` in `ins.joined`: exact on the first line.
  static std::pair<int, int> JoinedPosition(const DockerInstruction& ins, size_t offset) {
    const size_t first_line = ins.args.find('\n');
    if (first_line == std::string::npos || offset < first_line) {
      return {ins.args_line, ins.args_column + static_cast<int>(offset)};
    }
    return {ins.line, ins.column};
  }

  DockerFrom Check(const std::string& written, std::string instruction, std::pair<int, int> at) {
    DockerFrom f;
    f.line = at.first;
    f.column = at.second;
    f.instruction = std::move(instruction);
    f.image = Substitute(written, global_args_);
    const auto stage = stages_.find(core::AsciiLower(f.image));
    if (stage != stages_.end()) {
      f.stage_reference = true;
      f.pinned = stage->second;
      f.kind = ImagePinKind::kDigest;
      f.reason =
          "build stage `" + f.image + "`" + (f.pinned ? "" : ", whose base image is not pinned");
      return f;
    }
    const ImagePin pin = CheckImageReference(f.image);
    f.pinned = pin.pinned;
    f.kind = pin.kind;
    f.reason = pin.reason;
    if (f.image != written && !f.pinned)
      f.reason += " (`" + written + "` with its build arguments)";
    return f;
  }

  void From(const DockerInstruction& ins) {
    const std::vector<Word> words = SplitWords(ins.joined);
    size_t k = 0;
    while (k < words.size() && words[k].value.starts_with("--")) ++k;  // --platform=...
    if (k >= words.size()) {
      Error(ins, "FROM has no image");
      return;
    }
    const size_t n = words.size() - k;
    const bool named = n >= 3 && core::AsciiLower(words[k + 1].value) == "as";
    if (n != 1 && !(n == 3 && named)) Error(ins, "FROM takes `<image> [AS <name>]`");
    DockerFrom f = Check(words[k].value, "FROM", JoinedPosition(ins, words[k].offset));
    if (named) f.stage_name = words[k + 2].value;
    out_.froms.push_back(f);
    if (!f.pinned && !f.stage_reference) out_.unpinned_froms.push_back(f);
    if (named) stages_[core::AsciiLower(f.stage_name)] = f.pinned;
  }

  // COPY --from=<image>, RUN --mount=...,from=<image>: an image unless it names a stage.
  void ImageFlag(const DockerInstruction& ins, const std::string& from, const char* instruction,
                 size_t offset) {
    if (from.empty() || std::all_of(from.begin(), from.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
      return;
    }
    DockerFrom f = Check(from, instruction, JoinedPosition(ins, offset));
    if (!f.pinned && !f.stage_reference) out_.unpinned_froms.push_back(std::move(f));
  }

  void Run(const DockerInstruction& ins) {
    // Flags (--mount, --network, --security) come first.
    const std::string_view args = ins.args;
    size_t off = 0;
    for (;;) {
      while (off < args.size() && (IsSpace(args[off]) || args[off] == '\\')) ++off;
      if (!args.substr(off).starts_with("--")) break;
      size_t end = off;
      while (end < args.size() && !IsSpace(args[end])) ++end;
      const std::string_view flag = args.substr(off, end - off);
      const size_t from = flag.find("from=");
      if (flag.starts_with("--mount=") && from != std::string_view::npos) {
        const std::string_view value = flag.substr(from + 5);
        ImageFlag(ins, std::string(value.substr(0, value.find(','))), "RUN --mount",
                  ins.joined.find(flag));
      }
      off = end;
    }
    const std::string_view body = args.substr(off);
    const auto [line, column] = ArgsPosition(ins, off);
    std::vector<Word> words = SplitWords(ins.joined);
    size_t first = 0;
    while (first < words.size() && words[first].value.starts_with("--")) ++first;
    const std::string_view joined_body =
        first < words.size() ? std::string_view(ins.joined).substr(words[first].offset) : "";
    if (joined_body.starts_with('[')) {
      if (auto exec = ParseExecForm(joined_body)) {
        if (exec->empty()) {
          Error(ins, "RUN [] has no command");
          return;
        }
        for (ShellIssue& issue : shell_.Analyze(ExecShellText(*exec), line, column)) {
          issue.line = line;  // the synthetic line's columns do not map back
          issue.column = column;
          out_.run_issues.push_back(std::move(issue));
        }
        return;
      }
    }
    if (joined_body.empty() && ins.heredocs.empty()) {
      Error(ins, "RUN has no command");
      return;
    }
    std::vector<ShellIssue> issues;
    if (!ins.heredocs.empty() && joined_body.starts_with("<<")) {
      for (const DockerHeredoc& h : ins.heredocs) {  // `RUN <<EOF`: each body is a script
        for (ShellIssue& issue : shell_.Analyze(h.body, h.first_line))
          issues.push_back(std::move(issue));
      }
    } else {
      issues = shell_.Analyze(std::string(body) + ins.heredoc_lines, line, column);
    }
    for (ShellIssue& issue : issues) out_.run_issues.push_back(std::move(issue));
  }

  void CopyOrAdd(const DockerInstruction& ins) {
    const std::vector<Word> words = SplitWords(ins.joined);
    bool checksum = false;
    size_t k = 0;
    for (; k < words.size() && words[k].value.starts_with("--"); ++k) {
      const std::string& v = words[k].value;
      if (v.starts_with("--from=")) ImageFlag(ins, v.substr(7), "COPY --from", words[k].offset + 7);
      if (v.starts_with("--checksum=")) checksum = true;
    }
    if (ins.keyword != "ADD" || checksum || k >= words.size()) return;
    std::vector<std::string> operands;
    if (auto exec = ParseExecForm(std::string_view(ins.joined).substr(words[k].offset))) {
      operands = std::move(*exec);
    } else {
      for (; k < words.size(); ++k) operands.push_back(words[k].value);
    }
    if (operands.size() < 2) return;
    const std::string& dest = operands.back();
    for (size_t i = 0; i + 1 < operands.size(); ++i) {
      const std::string& source = operands[i];
      if (!(source.starts_with("http://") || source.starts_with("https://")) ||
          IsCommitPinnedUrl(source)) {
        continue;
      }
      const std::string path = dest.ends_with('/') ? dest + BaseName(source) : dest;
      shell_.RecordDownload(path, ins.line, "ADD " + source + " " + dest);
    }
  }

  DockerfileAnalysis out_;
  std::map<std::string, std::string> global_args_;
  std::map<std::string, bool> stages_;  // lower-case stage name -> its base is pinned
  bool seen_from_ = false;
  ShellAnalyzer shell_;  // one per Dockerfile: a file downloaded in one RUN, run in a later one
};

}  // namespace

DockerfileAnalysis AnalyzeDockerfile(std::string_view text) { return Checker().Run(text); }

}  // namespace riskgate::evaluate::pins
