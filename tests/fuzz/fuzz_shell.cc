// Fuzz target: shell scripts (and run:/script: bodies): the lexer, parser and command analysis.
#include "evaluate/pins/shell_analysis.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = riskgate::fuzz::AsText(data, size);
  for (const auto& issue : riskgate::evaluate::pins::AnalyzeShell(text, 1)) {
    if (issue.rule.empty() || issue.line < 1) __builtin_trap();
    if (issue.command.size() > 4096) __builtin_trap();  // commands are shortened for messages
  }
  return 0;
}
