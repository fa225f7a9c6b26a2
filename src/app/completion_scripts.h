// App: shell completion scripts (bash, zsh, fish) written from a description of the command
// line, which app/commands.cc takes from the CLI definition itself: a new command or flag is
// completed without anyone editing a script.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskgate::app {

struct CompletionOption {
  std::vector<std::string> names;  // "--staged", "-s"
  std::string help;                // one line
  bool takes_value = false;        // a value (completed as a file name) follows
};

struct CompletionCommand {
  std::vector<std::string> path;  // {} for riskgate itself, {"policy", "validate"}
  std::string help;
  std::vector<CompletionOption> options;
  std::vector<std::string> children;  // subcommand names
  bool takes_files = false;           // positional arguments (completed as file names)
};

// The script for `shell` ("bash", "zsh" or "fish"), or nullopt for another shell.
std::optional<std::string> CompletionScript(const std::string& shell,
                                            const std::vector<CompletionCommand>& commands);

}  // namespace riskgate::app
