#include "app/error_output.h"

#include <iostream>

#include "app/app.h"
#include "core/redact.h"
#include "core/text.h"

namespace riskgate::app {

int Fail(std::string_view message) {
  // The last line of defence: a value quoted from the change, a server or a report file never
  // prints a credential, whichever path built the message.
  std::cerr << "riskgate: error: " << core::EscapeLinesForDisplay(core::RedactSecrets(message))
            << "\n"
            << std::flush;
  return kExitError;
}

int Fail(const core::Error& error) { return Fail(error.ToString()); }

}  // namespace riskgate::app
