#include "app/app.h"

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/error_output.h"
#include "app/version.h"
#include "core/text.h"
#include "report/report.h"

namespace riskgate::app {
namespace {

std::vector<std::string> NamesOf(const std::vector<CLI::App*>& commands) {
  std::vector<std::string> names;
  for (const CLI::App* command : commands) names.push_back(command->get_name());
  return names;
}

// What a mistyped command line most likely meant: an unknown command word gets the closest
// command and the list of commands; an unknown --flag of a known command the closest flag.
std::string Hint(CLI::App& cli, int argc, char** argv) {
  CLI::App* current = &cli;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.starts_with("--")) {
      const std::string name = arg.substr(0, arg.find('='));
      bool known = false;
      std::vector<std::string> flags;
      for (CLI::App* scope = current; scope != nullptr; scope = scope->get_parent()) {
        for (const CLI::Option* option : scope->get_options()) {
          for (const std::string& lname : option->get_lnames()) {
            known = known || "--" + lname == name;
            flags.push_back("--" + lname);
          }
        }
      }
      if (known) continue;
      const std::string closest = core::ClosestMatch(name, flags);
      return "unknown option " + name + (closest.empty() ? "" : ": did you mean " + closest + "?") +
             "\nRun `riskgate " + (current == &cli ? "" : current->get_name() + " ") +
             "--help` for the options.";
    }
    if (arg.starts_with("-")) continue;
    CLI::App* sub = nullptr;
    for (CLI::App* candidate : current->get_subcommands({})) {
      if (candidate->check_name(arg)) sub = candidate;
    }
    if (sub != nullptr) {
      current = sub;
      continue;
    }
    if (!current->get_subcommands({}).empty() && current->get_require_subcommand_min() > 0) {
      const auto names = NamesOf(current->get_subcommands({}));
      const std::string closest = core::ClosestMatch(arg, names);
      std::string list;
      for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
      const std::string prefix =
          current == &cli ? "riskgate " : "riskgate " + current->get_name() + " ";
      return "unknown command '" + arg + "'" +
             (closest.empty() ? "" : ": did you mean `" + prefix + closest + "`?") +
             "\nCommands: " + list + ".";
    }
  }
  return "";
}

}  // namespace

int Main(int argc, char** argv) {
  // Named here, so usage lines say `riskgate`, not the path the binary was started by.
  CLI::App cli{"riskgate: a CI/CD policy gate that decides block, warn or pass", "riskgate"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", VersionText());
  const std::vector<Command> commands = DeclareCommands(cli);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    if (const std::string hint = Hint(cli, argc, argv); !hint.empty()) return Fail(hint);
    return Fail(std::string(e.what()) + "\nRun `riskgate --help` or `riskgate check --help`.");
  }
  for (const Command& command : commands) {
    if (command.cli->parsed()) return command.run();
  }
  return Fail("no command given: run `riskgate check` (see `riskgate --help`)");
}

}  // namespace riskgate::app
