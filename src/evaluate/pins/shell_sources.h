// Stage 3 (evaluate), pins: where downloaded text flows in a shell script. Which commands pass a
// download on (`curl URL`, `cat <(curl URL)`, `((curl URL))`, `echo "$X"` after `X=$(curl URL)`,
// a function whose body prints one), and which words hold one (`"$(curl URL)"`, `"$X"`).
// Input: parsed commands in script order, with what the analysis found each substitution
// prints. Output: the download, if any. No I/O; nothing is parsed here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evaluate/pins/shell_command.h"
#include "evaluate/pins/shell_downloads.h"
#include "evaluate/pins/shell_parser.h"

namespace riskgate::evaluate::pins {

// What each substitution of the current pipeline prints to standard output, as the analysis
// found when it walked the substitution's text (absent: nothing).
using WalkedSubstitutions = std::unordered_map<const ShellSubstitution*, DownloadInfo>;

class DownloadSources {
 public:
  // Substitutions are answered from `walked` (nullptr: nothing is known); returns the previous.
  const WalkedSubstitutions* UseWalked(const WalkedSubstitutions* walked) {
    std::swap(walked, walked_);
    return walked;
  }

  // The download a substitution's text prints (not when a shell in the same pipeline runs it:
  // `$(curl URL | sh)` prints what the script prints).
  std::optional<DownloadInfo> Printed(const ShellSubstitution& s) const;

  // The unpinned download a command of a pipeline passes on: its own `download` (to a file or
  // not, as OpenSSF Scorecard reads `wget URL | sh`), or one it prints from its arguments, an
  // arithmetic command's body, a variable or a function.
  std::optional<DownloadInfo> Output(const CommandView& view, const DownloadInfo& download) const;

  // The download whose text a word holds: `"$(curl URL)"`, or `"$X"` after `X=$(curl URL)`.
  std::optional<DownloadInfo> Held(const ShellWord& word) const;

  // The text a word gives a shell as code: its value, or for a word that only names a variable
  // assigned literal text (`"$C"` after `C='curl URL | sh'`) that text, the first time only
  // (later the word as written: the text was judged once, and a loop of evals stays linear).
  std::string CodeText(const ShellWord& word);

  // A command ran: `X=$(curl URL)` (also after export, local, declare, readonly, typeset) marks
  // X as holding a download, `X='text'` as holding that text; another assignment clears them.
  void Assign(const ShellSimpleCommand& command, const CommandView& view);

  // A pipeline in the body of function `name` printed `download`: calling it prints it too.
  void FunctionPrints(std::string_view name, const DownloadInfo& download);

 private:
  using Named = std::vector<std::pair<std::string, DownloadInfo>>;
  static void Put(Named& list, std::string_view name, std::optional<DownloadInfo> download);

  Named variables_;
  Named functions_;
  struct Literal {
    std::string name;
    std::string text;
    bool given = false;  // CodeText returned it
  };
  std::vector<Literal> literals_;  // variables holding literal text
  const WalkedSubstitutions* walked_ = nullptr;
};

// True when a download writes to standard output: no file, or /dev/stdout.
bool WritesStdout(const DownloadInfo& download);

// ">", ">>", "1>", "&>", ...: a redirection of standard output to a file.
bool IsStdoutToFile(std::string_view op);
bool WritesStdoutToFile(const ShellSimpleCommand& command);

}  // namespace riskgate::evaluate::pins
