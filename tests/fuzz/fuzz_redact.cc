// Fuzz target: the redaction every printed string passes through (core/redact.h), on any text.
// Oracle: a GitHub token planted after the text never survives, whatever stands before it.
#include "core/redact.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::core;
  const std::string_view text = riskgate::fuzz::AsText(data, size);
  (void)HoldsSecret(text);
  const std::string token = std::string("ghp_") + "R8fK2mQ9xL4vT7wZ1bN6cH3jP5sD0g3PgBH7";
  const std::string planted = std::string(text) + " " + token + " ";
  // The text itself may hold the token inside a longer word (not a token there): only the
  // planted, space-delimited copy at the end must be masked.
  if (RedactSecrets(planted).ends_with(" " + token + " ")) __builtin_trap();
  return 0;
}
