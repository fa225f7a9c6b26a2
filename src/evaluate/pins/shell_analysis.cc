#include "evaluate/pins/shell_analysis.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "evaluate/pins/shell_build_files.h"
#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_downloads.h"
#include "evaluate/pins/shell_packages.h"
#include "evaluate/pins/shell_parser.h"
#include "evaluate/pins/shell_verify.h"

namespace riskgate::evaluate::pins {
namespace {

constexpr int kMaxDepth = 8;  // nested `sh -c`, $(...) and <(...) analysed
constexpr size_t kMaxSnippet = 200;
constexpr size_t kMaxDownloads = 256;  // files remembered per job: the most recent
constexpr std::string_view kVerifyFix =
    "download to a file, verify it with `echo \"<sha256>  file\" | sha256sum -c -`, then run it";

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

// The first unpinned download in `text` whose content goes to standard output.
std::optional<DownloadInfo> StdoutDownload(std::string_view text) {
  for (const ShellPipeline& p : ParseShell(text)) {
    for (const ShellSimpleCommand& command : p.commands) {
      DownloadInfo d = ClassifyDownload(ViewCommand(command));
      if (d.is_download && !d.pinned && d.output_files.empty()) return d;
    }
  }
  return std::nullopt;
}

std::optional<DownloadInfo> SubstitutionDownload(const ShellWord& word) {
  for (const ShellSubstitution& s : word.substitutions) {
    if (auto d = StdoutDownload(s.text)) return d;
  }
  return std::nullopt;
}

std::string PipeFix(const DownloadInfo& download) {
  for (const auto& url : download.urls) {
    const std::string pinned = CommitPinnedUrlFix(url);
    if (!pinned.empty()) {
      return "fetch it from a commit-pinned URL: " + pinned + " (or " + std::string(kVerifyFix) +
             ")";
    }
  }
  return std::string(kVerifyFix);
}

bool IsStdoutToFile(std::string_view op) {
  return op == ">" || op == ">>" || op == ">|" || op == "&>" || op == "&>>" || op == "1>" ||
         op == "1>>";
}

// dpkg -i, apt install, rpm -i/-U, dnf/yum install, msiexec /i: the package's scripts run.
bool InstallsLocalPackage(const CommandView& view) {
  const std::string& n = view.name;
  for (const ShellWord* w : view.args) {
    const std::string& v = w->value;
    if (n == "dpkg" &&
        (v == "--install" || (v.starts_with("-") && v.find('i') != std::string::npos)))
      return true;
    if ((n == "apt" || n == "apt-get" || n == "dnf" || n == "yum" || n == "zypper") &&
        (v == "install" || v == "localinstall")) {
      return true;
    }
    if (n == "rpm" && v.size() > 1 && v[0] == '-' && v[1] != '-' &&
        (v.find('i') != std::string::npos || v.find('U') != std::string::npos)) {
      return true;
    }
    if (n == "msiexec" && (v == "/i" || v == "/package")) return true;
  }
  return false;
}

class Walker {
 public:
  Walker(std::vector<ShellDownload>& downloads, std::vector<ShellIssue>& issues)
      : downloads_(downloads), issues_(issues) {}

  void Walk(std::string_view text, Position origin, int depth) {
    if (depth > kMaxDepth || text.empty()) return;
    const PositionMap map(text, origin);
    const Context c{text, map, depth};
    ForEachPipeline(text, [&](const ShellPipeline& pipeline) { Pipeline(c, pipeline); });
  }

 private:
  struct Context {
    std::string_view text;
    const PositionMap& map;
    int depth;
  };

  void Pipeline(const Context& c, const ShellPipeline& p) {
    for (const ShellSimpleCommand& command : p.commands) {  // substitutions run first
      for (const ShellWord& w : command.words) Substitutions(c, w);
      for (const ShellRedirect& r : command.redirects) Substitutions(c, r.target);
    }
    std::optional<DownloadInfo> upstream;
    std::string upstream_name;
    for (const ShellSimpleCommand& command : p.commands) {
      const CommandView view = ViewCommand(command);
      const InterpreterCall call = ClassifyInterpreter(view);
      const DownloadInfo download = ClassifyDownload(view);
      if (upstream && call.family != InterpreterFamily::kNone && call.reads_stdin) {
        Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", p.begin, p.end,
               "`" + upstream_name + "` output is piped into `" + view.name +
                   "`, which runs whatever the server sends",
               PipeFix(*upstream));
      }
      Inline(c, command, view, call);
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
      Record(c, command, view, download, upstream.has_value());
      if (download.is_download && !download.pinned && !upstream) {
        upstream = download;
        upstream_name = view.name;
      }
    }
  }

  void Substitutions(const Context& c, const ShellWord& w) {
    for (const ShellSubstitution& s : w.substitutions) {
      Walk(s.text, c.map.At(s.offset), c.depth + 1);
    }
  }

  // `sh -c CODE`, `su -c CODE`, `eval CODE`.
  void Inline(const Context& c, const ShellSimpleCommand& command, const CommandView& view,
              const InterpreterCall& call) {
    std::vector<const ShellWord*> code;
    if ((call.family == InterpreterFamily::kShell || call.family == InterpreterFamily::kSu) &&
        call.inline_code != nullptr) {
      code.push_back(call.inline_code);
    }
    if (view.name == "eval") code = view.args;
    for (const ShellWord* w : code) {
      if (w->substitutions.empty()) {
        const bool quoted =
            w->end > w->begin && (c.text[w->begin] == '"' || c.text[w->begin] == '\'');
        Walk(w->value, c.map.At(w->begin + (quoted ? 1 : 0)), c.depth + 1);
      } else if (auto d = SubstitutionDownload(*w)) {
        Report(c, ShellIssueKind::kDownloadThenExecute, "download-then-execute", command.begin,
               command.end, "`" + view.name + "` runs code that `$(...)` downloads, unchecked",
               PipeFix(*d));
        return;
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
      d = StdoutDownload(call.script->substitutions[0].text);
    }
    for (const ShellRedirect& r : command.redirects) {
      if (!call.reads_stdin || d) break;
      if (r.op == "<" && r.target.IsProcessSubstitution()) {
        d = StdoutDownload(r.target.substitutions[0].text);
      } else if (r.op == "<<<") {
        d = SubstitutionDownload(r.target);
      } else if ((r.op == "<<" || r.op == "<<-") && call.family == InterpreterFamily::kShell) {
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
    for (const ShellWord* w : runs) {
      if (w->has_expansion) continue;
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
      if (IsStdoutToFile(r.op) && !r.target.has_expansion) {
        Remember(downloads_, r.target.value, line, snippet);
      }
    }
    if (upstream && view.name == "tee") {
      for (const ShellWord* w : view.args) {
        if (!w->has_expansion && !w->value.starts_with("-")) {
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
