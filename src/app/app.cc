#include "app/app.h"

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/error_output.h"
#include "report/report.h"

namespace riskgate::app {

int Main(int argc, char** argv) {
  CLI::App cli{"riskgate: a CI/CD policy gate that decides block, warn or pass"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", std::string(report::ToolVersion()));
  const std::vector<Command> commands = DeclareCommands(cli);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    return Fail(std::string(e.what()) + "\nRun `riskgate --help` or `riskgate check --help`.");
  }
  for (const Command& command : commands) {
    if (command.cli->parsed()) return command.run();
  }
  return Fail("no command given: run `riskgate check` (see `riskgate --help`)");
}

}  // namespace riskgate::app
