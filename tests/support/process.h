// Test support: runs a command line and captures its exit code and output.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace riskgate::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (no shell) in `cwd` with `env` added to (or, for an empty value, removed from) the
// environment, feeding nothing on stdin.
ProcessResult Run(const std::vector<std::string>& argv, const std::string& cwd = ".",
                  const std::map<std::string, std::string>& env = {});

// Runs a shell command line; for test set-up only.
ProcessResult Shell(const std::string& command, const std::string& cwd = ".",
                    const std::map<std::string, std::string>& env = {});

// Where every command's output is logged for the leak test: <build>/test-output.
std::string OutputLogDir();

// The riskgate binary under test (RISKGATE_BIN overrides the one built) and the source tree.
std::string RiskgateBinary();
std::string SourceDir();

}  // namespace riskgate::testing
