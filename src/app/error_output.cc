#include "app/error_output.h"

#include <iostream>

#include "app/app.h"
#include "core/text.h"

namespace riskgate::app {

int Fail(std::string_view message) {
  std::cerr << "riskgate: error: " << core::EscapeLinesForDisplay(message) << "\n" << std::flush;
  return kExitError;
}

int Fail(const core::Error& error) { return Fail(error.ToString()); }

}  // namespace riskgate::app
