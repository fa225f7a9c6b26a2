// Stage 0 (core): errors of the tool itself (never findings). Every Error ends in exit code 2.
#pragma once

#include <string>
#include <tl/expected.hpp>

namespace riskgate::core {

enum class ErrorCode {
  kUsage,       // bad command line
  kPolicy,      // policy or rule pack invalid
  kRepository,  // not a repository, corrupt object, unreadable index
  kRevision,    // a revision that does not resolve
  kShallow,     // history needed for the scope is missing from a shallow clone
  kIo,          // a file that cannot be read or written
  kForge,       // a forge API (GitHub, GitLab) unreachable, refusing, or answering nonsense
  kInternal,    // a bug or a resource limit
};

// Where the problem is: "file:line:column" or a field path; empty when there is none.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string location;

  // "location: message", or the message alone.
  std::string ToString() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message,
                                       std::string location = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(location)});
}

}  // namespace riskgate::core
