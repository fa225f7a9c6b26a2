// Stage 2 (policy): a regex (core/regex.h, RE2 syntax) from a policy or rule pack, compiled once
// and shared between threads. Patterns run in Latin-1 mode so `.` and classes match every byte of a
// blob, valid UTF-8 or not; rules are written in ASCII, where the two modes agree.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/regex.h"

namespace riskgate::policy {

// Whether Validate() rejects a pattern that matches the empty string (gitleaks accepts those).
enum class EmptyMatch { kReject, kAllow };

class Pattern {
 public:
  explicit Pattern(std::string source, bool case_insensitive = false);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  const std::string& source() const { return source_; }
  bool case_insensitive() const { return case_insensitive_; }

  // The compiled pattern; compiles on first use (thread-safe). Call Validate() at load time for
  // user-written patterns so a bad one is a load error, not a scan-time surprise.
  const core::Regex& regex() const;

  // Compiles and checks the pattern; returns "" when usable, else why not (with a rewrite hint
  // where one exists). Rejects patterns that match the empty string.
  std::string Validate(EmptyMatch empty = EmptyMatch::kReject) const;
  // Instructions of the compiled program (compiles it on first use); 0 when it does not compile.
  int ProgramSize() const;

 private:
  std::string source_;
  bool case_insensitive_;
  mutable std::once_flag once_;
  mutable std::optional<core::Regex> regex_;
};

using PatternPtr = std::shared_ptr<const Pattern>;

// The memory budget of one compiled pattern (RE2 max_mem).
inline constexpr long long kPatternMaxMem = 8LL << 20;
// The budget of one run: instructions of all patterns a policy adds to the built-in pack
// together (the built-in pack needs about 20,000).
inline constexpr long long kRunProgramBudget = 1'000'000;

}  // namespace riskgate::policy
