// Stage 0 (core): memory a command about to end need not give back. A history audit's caches
// are millions of small blocks; freeing them one by one, on one core, after the work was done,
// took a tenth of a small audit, and the process's end gives them back at once. The binary
// turns abandoning on (app/main.cc); elsewhere (tests, fuzzers, a library user) nothing is
// abandoned. What is abandoned stays reachable from a global, so leak checkers do not
// count it.
#pragma once

#include <memory>
#include <utility>

namespace riskgate::core {

// Whether Abandon keeps what it is given until the process ends (off by default).
void SetAbandonAtExit(bool on);
bool AbandonAtExit();

// Keeps `object` until the process ends without destroying it.
void KeepUntilExit(std::shared_ptr<void> object);

// Moves `object` (say, a vector of caches) where it is never destroyed when abandoning is on;
// otherwise leaves it with the caller, who destroys it as usual.
template <typename T>
void Abandon(T& object) {
  if (AbandonAtExit()) KeepUntilExit(std::make_shared<T>(std::move(object)));
}

}  // namespace riskgate::core
