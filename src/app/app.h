// The command line: argv -> options -> collect, policy, evaluate, decide, report -> exit code.
// Exit codes live here only: 0 pass or warn, 1 block, 2 error.
#pragma once

namespace riskgate::app {

inline constexpr int kExitPass = 0;
inline constexpr int kExitBlock = 1;
inline constexpr int kExitError = 2;

int Main(int argc, char** argv);

}  // namespace riskgate::app
