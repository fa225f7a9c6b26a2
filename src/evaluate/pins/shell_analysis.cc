#include "evaluate/pins/shell_analysis.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "evaluate/pins/shell_build_files.h"
#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_downloads.h"
#include "evaluate/pins/shell_packages.h"
#include "evaluate/pins/shell_parser.h"
#include "evaluate/pins/shell_pipes.h"
#include "evaluate/pins/shell_sources.h"
#include "evaluate/pins/shell_verify.h"
#include "evaluate/pins/shell_words.h"

namespace riskgate::evaluate::pins {
namespace {

// Nested `sh -c`, $(...), <(...) and ((...)) analysed; deeper text is a finding of its own.
constexpr int kMaxDepth = 16;
constexpr size_t kMaxPiped = 64;  // pipelines whose output carries a download: the most recent
constexpr size_t kMaxSnippet = 200;
constexpr size_t kMaxDownloads = 256;  // files remembered per job: the most recent

struct Position {
  int line = 1;
  int column = 1;
};

// Byte offset in a script -> position in its file.
class PositionMap {
 public:
  PositionMap(std::string_view text, Position origin) : origin_(origin) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
  }

  Position At(size_t offset) const {
    const auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
    const auto before = static_cast<size_t>(it - newlines_.begin());
    if (before == 0) return {origin_.line, origin_.column + static_cast<int>(offset)};
    return {origin_.line + static_cast<int>(before),
            static_cast<int>(offset - newlines_[before - 1])};
  }

 private:
  Position origin_;
  std::vector<size_t> newlines_;
};

// Source text on one line: continuations and runs of blanks become one space.
std::string Snippet(std::string_view text, size_t begin, size_t end) {
  std::string out;
  bool blank = false;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < end && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
      blank = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  if (out.size() > kMaxSnippet) {
    size_t cut = kMaxSnippet - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

void Remember(std::vector<ShellDownload>& downloads, std::string_view path, int line,
              std::string command) {
  const std::string clean = CleanPath(path);
  if (path.empty() || clean == "." || clean.starts_with("/dev/")) return;
  for (auto& d : downloads) {
    if (d.path == clean) {
      d = {clean, line, std::move(command), false};
      return;
    }
  }
  if (downloads.size() >= kMaxDownloads) downloads.erase(downloads.begin());  // bounds the work
  downloads.push_back({clean, line, std::move(command), false});
}

// Variables expanded into echoed text stop adding past this size (the script's own text always
// counts), which keeps `echo "$C" "$C" ... | sh` linear.
constexpr size_t kMaxEchoed = 65536;

class Walker {
 public:
  Walker(std::vector<ShellDownload>& downloads, std::vector<ShellIssue>& issues)
      : downloads_(downloads), issues_(issues) {}

  // `input`: a download this text reads on standard input (`curl URL | sh -c 'sh'`). Returns
  // the first download the text prints (`$(curl URL)`).
  std::optional<DownloadInfo> Walk(std::string_view text, Position origin, int depth,
                                   const std::optional<DownloadInfo>& input = std::nullopt) {
    std::optional<DownloadInfo> printed;
    if (text.empty()) return printed;
    const PositionMap map(text, origin);
    std::vector<Piped> piped;
    const Context c{text, map, depth, input, piped, printed};
    if (depth > kMaxDepth) {
      TooDeep(c);
      return printed;
    }
    ForEachPipeline(text, [&](const ShellPipeline& pipeline) { Pipeline(c, pipeline); });
    return printed;
  }

 private:
  // A pipeline of this text whose output carries a download (`curl URL` alone in a group).
  struct Piped {
    size_t index = 0;
    DownloadInfo download;
  };

  struct Context {
    std::string_view text;
    const PositionMap& map;
    int depth;
    const std::optional<DownloadInfo>& input;
    std::vector<Piped>& piped;
    std::optional<DownloadInfo>& printed;  // the first download a pipeline of the text prints
  };

  // Nesting past kMaxDepth is not analysed, so it cannot pass as clean: one finding.
  void TooDeep(const Context& c) {
    if (too_deep_reported_) return;
    too_deep_reported_ = true;
    Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", 0, c.text.size(),
           "shell nested more than " + std::to_string(kMaxDepth) +
               " levels deep (`sh -c`, `$(...)`, `((...))`) is not analysed, so a download run "
               "there would go unseen",
           "flatten the nesting so that every command can be checked");
  }

  // The download a pipeline's first command reads: a group's output piped into it, the input
  // of a group it is in, or the text's own standard input.
  static std::optional<DownloadInfo> FedDownload(const Context& c, const ShellPipeline& p) {
    for (auto it = c.piped.rbegin(); it != c.piped.rend(); ++it) {
      if (p.fed_by_pipeline && it->index == *p.fed_by_pipeline) return it->download;
      if (p.fed_by_group && it->index >= *p.fed_by_group) return it->download;
    }
    return c.input;
  }

  void Pipeline(const Context& c, const ShellPipeline& p) {
    WalkedSubstitutions walked;
    for (const ShellSimpleCommand& command : p.commands) {  // substitutions run first
      for (const ShellWord& w : command.words) Substitutions(c, w, std::nullopt, &walked);
      for (const ShellRedirect& r : command.redirects) {
        Substitutions(c, r.target, std::nullopt, &walked);
      }
    }
    const WalkedSubstitutions* outer = sources_.UseWalked(&walked);
    Commands(c, p);
    sources_.UseWalked(outer);
  }

  void Commands(const Context& c, const ShellPipeline& p) {
    std::optional<DownloadInfo> upstream = FedDownload(c, p);
    std::optional<CommandView> echo;  // an echo or printf writing into the pipe
    bool encoded = false;             // ... through `base64 -d`
    bool consumed = false;            // the last command ran the download or wrote it to a file
    for (const ShellSimpleCommand& command : p.commands) {
      const CommandView written = ViewCommand(command);
      std::optional<CommandView> behind = ViewBehindExpansion(command, written);
      if (!behind) behind = ViewOfExec(command, written);
      const CommandView& view = behind ? *behind : written;  // `$SUDO sh` also reads as `sh`
      const InterpreterCall call = ClassifyInterpreter(view);
      const DownloadInfo download = ClassifyDownload(view);
      const std::optional<DownloadInfo> output = sources_.Output(view, download);
      const CommandView* runs = RunsInput(view, call)                              ? &view
                                : RunsInput(written, ClassifyInterpreter(written)) ? &written
                                                                                   : nullptr;
      consumed = false;
      if (upstream && runs != nullptr) {
        Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", p.begin, p.end,
               PipeMessage(upstream->program, *runs), PipeFix(*upstream));
        consumed = true;
      }
      if (echo && !consumed && runs != nullptr && IsShellLike(ClassifyInterpreter(*runs).family)) {
        std::string text = EchoedText(*echo);  // `echo 'CODE' | sh`
        Walk(encoded ? DecodeBase64(text) : text, c.map.At(command.begin), c.depth + 1);
      }
      if (echo && !encoded && DecodesBase64(view)) {
        encoded = true;  // `echo Y3VybC... | base64 -d | sh`
      } else {
        echo.reset();
        encoded = false;
        if (view.name == "echo" || view.name == "printf") echo = view;
      }
      // `tee >(sh)`, `curl URL > >(sh)`: the process reads what this command writes.
      if (const auto& writes = output ? output : upstream) {
        for (const ShellWord& w : command.words) Substitutions(c, w, writes, nullptr);
        for (const ShellRedirect& r : command.redirects) {
          Substitutions(c, r.target, writes, nullptr);
        }
      }
      RunsAsCommand(c, command, written);
      Inline(c, command, view, call, upstream);
      FromStdinOrOperand(c, command, call);
      RunsDownloadedFile(c, command, view, call);
      Verify(p, view);
      if (auto issue = CheckPackageCommand(view)) {
        Report(c, ShellIssueKind::kUnpinnedPackage, issue->rule, command.begin, command.end,
               issue->message, issue->fix);
      }
      for (auto issue : {CheckBuildFile(view), CheckScriptFile(view, call)}) {
        if (!issue) continue;
        Report(c, ShellIssueKind::kUnjudgedFile, issue->rule, command.begin, command.end,
               issue->message, issue->fix);
      }
      Record(c, command, view, output ? *output : download, upstream.has_value());
      sources_.Assign(command, written);
      if (output && !upstream) upstream = output;
      if (WritesStdoutToFile(command)) consumed = true;
    }
    if (upstream && !consumed && WritesStdout(*upstream)) {
      if (!c.printed) c.printed = upstream;
      if (c.piped.size() >= kMaxPiped) c.piped.erase(c.piped.begin());
      c.piped.push_back({p.index, *upstream});
      if (!p.function.empty()) sources_.FunctionPrints(p.function, *upstream);
    }
  }

  // What `echo ARGS` or `printf FORMAT ARGS` writes, as code a shell reading it would run.
  std::string EchoedText(const CommandView& view) {
    size_t k = 0;
    if (view.name == "echo") {
      while (k < view.args.size() && IsEchoOption(view.args[k]->value)) ++k;
    } else if (!view.args.empty() && view.args[0]->value.find('%') != std::string::npos) {
      k = 1;  // a format with conversions: the arguments are the text
    }
    std::string text;
    for (; k < view.args.size(); ++k) {
      if (!text.empty()) text += view.name == "echo" ? ' ' : '\n';
      text += text.size() < kMaxEchoed ? sources_.CodeText(*view.args[k]) : view.args[k]->value;
    }
    for (size_t at = text.find("\\n"); at != std::string::npos; at = text.find("\\n", at)) {
      text.replace(at, 2, "\n");  // printf and dash's echo turn \n into a newline
    }
    return text;
  }

  // Walks a word's substitutions: with `writes` unset, all but `>(...)`, noting in `walked`
  // what each prints; with it set, only `>(...)`, whose standard input is `writes`.
  void Substitutions(const Context& c, const ShellWord& w,
                     const std::optional<DownloadInfo>& writes, WalkedSubstitutions* walked) {
    for (const ShellSubstitution& s : w.substitutions) {
      const bool sink = s.kind == ShellSubstitution::Kind::kProcessOut;
      if (sink != writes.has_value()) continue;
      auto printed = Walk(s.text, c.map.At(s.offset), c.depth + 1, writes);
      if (printed && walked != nullptr) walked->emplace(&s, std::move(*printed));
    }
  }

  // `$(curl URL)` or `$X` holding a download as the program: the text is run as a command line.
  void RunsAsCommand(const Context& c, const ShellSimpleCommand& command, const CommandView& view) {
    if (view.program == nullptr || view.program->IsArithmeticCommand()) return;
    if (auto d = sources_.Held(*view.program)) {
      Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", command.begin,
             command.end, "the text that `" + d->program + "` downloads is run as a command",
             PipeFix(*d));
    }
  }

  // `sh -c CODE`, `su -c CODE`, `eval CODE` (also `"$C"` after `C='...'`); the code reads the
  // shell's standard input.
  void Inline(const Context& c, const ShellSimpleCommand& command, const CommandView& view,
              const InterpreterCall& call, const std::optional<DownloadInfo>& input) {
    std::vector<const ShellWord*> code;
    size_t params = 0;  // words at the end of `code` that are only data the code may run
    if (IsShellLike(call.family) && call.inline_code != nullptr) {
      code.push_back(call.inline_code);
      // `bash -c 'eval "$1"' _ "$(curl URL)"`: the code's positional parameters are its own.
      const auto at = std::find(view.args.begin(), view.args.end(), call.inline_code);
      if (at != view.args.end()) {
        code.insert(code.end(), at + 1, view.args.end());
        params = static_cast<size_t>(view.args.end() - (at + 1));
      }
    }
    if (view.name == "eval") code = view.args;
    if (view.name == "watch" && !view.args.empty()) code.push_back(view.args.back());
    if (view.name == "trap") {  // trap [--] CODE SIGNAL...
      const auto it = std::find_if(view.args.begin(), view.args.end(),
                                   [](const ShellWord* w) { return !w->value.starts_with('-'); });
      if (it != view.args.end()) code.push_back(*it);
    }
    if (view.name == "alias") {  // dash expands aliases in scripts: `alias x='CODE'; x`
      for (const ShellWord* w : view.args) {
        const size_t eq = w->value.find('=');
        if (eq != std::string::npos) Walk(w->value.substr(eq + 1), c.map.At(w->begin), c.depth + 1);
      }
    }
    for (size_t k = 0; k < code.size(); ++k) {
      const ShellWord* w = code[k];
      if (auto d = sources_.Held(*w)) {
        Report(
            c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", command.begin,
            command.end,
            "`" + ProgramText(view) + "` runs code that `" + d->program + "` downloads, unchecked",
            PipeFix(*d));
        return;
      }
      if (w->substitutions.empty() && k + params < code.size()) {
        const bool quoted =
            w->end > w->begin && (c.text[w->begin] == '"' || c.text[w->begin] == '\'');
        Walk(sources_.CodeText(*w), c.map.At(w->begin + (quoted ? 1 : 0)), c.depth + 1, input);
      }
    }
  }

  // `bash <(curl …)`, `source <(curl …)`, `bash < <(curl …)`, `bash <<< "$(curl …)"`,
  // and the body of `bash <<EOF`.
  void FromStdinOrOperand(const Context& c, const ShellSimpleCommand& command,
                          const InterpreterCall& call) {
    if (call.family == InterpreterFamily::kNone) return;
    std::optional<DownloadInfo> d;
    if (call.script != nullptr && call.script->IsProcessSubstitution() &&
        call.script->substitutions[0].kind == ShellSubstitution::Kind::kProcessIn) {
      d = sources_.Printed(call.script->substitutions[0]);
    }
    for (const ShellRedirect& r : command.redirects) {
      if (!call.reads_stdin || d) break;
      const std::string_view op = InputOp(r.op);
      if (op == "<" && r.target.IsProcessSubstitution()) {
        d = sources_.Printed(r.target.substitutions[0]);
      } else if (op == "<<<") {
        d = sources_.Held(r.target);
        if (!d && IsShellLike(call.family) && r.target.substitutions.empty()) {
          Walk(sources_.CodeText(r.target), c.map.At(r.target.begin),
               c.depth + 1);  // `sh <<< 'CODE'`
        }
      } else if ((op == "<<" || op == "<<-") && (call.family == InterpreterFamily::kShell ||
                                                 call.family == InterpreterFamily::kUnknown)) {
        Walk(r.heredoc, c.map.At(r.heredoc_offset), c.depth + 1);
      }
    }
    if (d) {
      Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", command.begin,
             command.end, "a downloaded script is run through process substitution, unchecked",
             PipeFix(*d));
    }
  }

  void RunsDownloadedFile(const Context& c, const ShellSimpleCommand& command,
                          const CommandView& view, const InterpreterCall& call) {
    std::vector<const ShellWord*> runs;
    if (view.program != nullptr) runs.push_back(view.program);
    if (call.family != InterpreterFamily::kNone && call.script != nullptr)
      runs.push_back(call.script);
    const bool installs = InstallsLocalPackage(view);
    if (installs) runs.insert(runs.end(), view.args.begin(), view.args.end());
    for (const ShellWord* w : runs) {  // "$F" matches a download to "$F": same text, same file
      const std::string path = CleanPath(w->value);
      for (const ShellDownload& d : downloads_) {
        if (d.verified || d.path != path) continue;
        Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", command.begin,
               command.end,
               "`" + d.path + "` was downloaded at line " + std::to_string(d.line) + " (`" +
                   d.command + "`) and " + (installs ? "is installed" : "runs") +
                   " here without a checksum or signature check",
               "verify it first: `echo \"<sha256>  " + d.path +
                   "\" | sha256sum -c -` with the digest kept in the script, or download it from "
                   "a URL pinned to a commit",
               d.command);
        break;
      }
    }
  }

  void Verify(const ShellPipeline& p, const CommandView& view) {
    const VerifyKind kind = ClassifyVerification(view);
    if (kind == VerifyKind::kNone) return;
    const auto was_downloaded = [this](std::string_view path) {
      const std::string clean = CleanPath(path);
      return std::any_of(downloads_.begin(), downloads_.end(),
                         [&](const ShellDownload& d) { return d.path == clean; });
    };
    for (ShellDownload& d : downloads_) {
      if (!d.verified && VerifiesFile(p, view, kind, d.path, was_downloaded)) d.verified = true;
    }
  }

  void Record(const Context& c, const ShellSimpleCommand& command, const CommandView& view,
              const DownloadInfo& download, bool upstream) {
    const bool fetches = download.is_download && !download.pinned;
    if (!fetches && !upstream) return;
    const int line = c.map.At(command.begin).line;
    const std::string snippet = Snippet(c.text, command.begin, command.end);
    if (fetches) {
      for (const auto& file : download.output_files) Remember(downloads_, file, line, snippet);
    }
    for (const ShellRedirect& r : command.redirects) {
      if (IsStdoutToFile(r.op)) {
        Remember(downloads_, r.target.value, line, snippet);
      }
    }
    if (upstream && view.name == "tee") {
      for (const ShellWord* w : view.args) {
        if (!w->value.starts_with("-")) {
          Remember(downloads_, w->value, line, snippet);
        }
      }
    }
  }

  void Report(const Context& c, ShellIssueKind kind, std::string rule, size_t begin, size_t end,
              std::string message, std::string fix, std::string related = "") {
    const Position at = c.map.At(begin);
    issues_.push_back({kind, std::move(rule), at.line, at.column, Snippet(c.text, begin, end),
                       std::move(message), std::move(fix), std::move(related)});
  }

  std::vector<ShellDownload>& downloads_;
  std::vector<ShellIssue>& issues_;
  DownloadSources sources_;  // variables and functions that hold a download
  bool too_deep_reported_ = false;
};

}  // namespace

std::vector<ShellIssue> ShellAnalyzer::Analyze(std::string_view script, int first_line,
                                               int first_column) {
  std::vector<ShellIssue> issues;
  Walker(downloads_, issues).Walk(script, {first_line, first_column}, 0);
  return issues;
}

void ShellAnalyzer::RecordDownload(std::string_view path, int line, std::string_view command) {
  Remember(downloads_, path, line, Snippet(command, 0, command.size()));
}

std::vector<ShellIssue> AnalyzeShell(std::string_view script, int first_line) {
  return ShellAnalyzer().Analyze(script, first_line);
}

}  // namespace riskgate::evaluate::pins
