// App: how an error reaches the user: one `riskgate: error:` message on stderr, every line
// escaped and redacted (paths and values in it may come from the repository, a server or a
// report file: core::RedactSecrets), and exit code 2.
#pragma once

#include <string_view>

#include "core/error.h"

namespace riskgate::app {

// Prints `error` and returns kExitError.
int Fail(const core::Error& error);
// Prints `message` (a sentence the app wrote around untrusted values) and returns kExitError.
int Fail(std::string_view message);

}  // namespace riskgate::app
