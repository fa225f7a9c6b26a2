// `riskgate install-hook`: a plain git pre-commit hook for people who do not use the pre-commit
// framework.
#pragma once

#include <string>

namespace riskgate::app {

struct InstallHookOptions {
  std::string repo;  // empty: as git finds it
  bool force = false;
};

int RunInstallHook(const InstallHookOptions& options);

}  // namespace riskgate::app
