// App: the command table. One row per command (commands.cc's kCommands): where it sits, its
// help line, and a function that declares its flags on its CLI11 subcommand and returns how to
// run it. A new command is one row and one Declare function.
#pragma once

#include <functional>
#include <vector>

namespace CLI {
class App;
}

namespace riskgate::app {

struct Command {
  CLI::App* cli;             // the declared subcommand
  std::function<int()> run;  // runs it with the flags parsed into its options
};

// Declares every command of the table on `root`.
std::vector<Command> DeclareCommands(CLI::App& root);

}  // namespace riskgate::app
