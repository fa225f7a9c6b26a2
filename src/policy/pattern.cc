#include "policy/pattern.h"

#include <re2/re2.h>

namespace riskgate::policy {
namespace {

constexpr int kMaxProgramSize = 200000;

// RE2 rejects Perl/.NET/Go-1.22 named groups; say how to write them.
std::string HintFor(const std::string& source) {
  if (source.find("(?<") != std::string::npos && source.find("(?<=") == std::string::npos &&
      source.find("(?<!") == std::string::npos) {
    return " (write named groups as (?P<name>...))";
  }
  if (source.find("(?=") != std::string::npos || source.find("(?!") != std::string::npos ||
      source.find("(?<=") != std::string::npos || source.find("(?<!") != std::string::npos) {
    return " (RE2 has no lookaround: match the context with a group and use secret_group)";
  }
  return "";
}

}  // namespace

Pattern::Pattern(std::string source, bool case_insensitive)
    : source_(std::move(source)), case_insensitive_(case_insensitive) {}

Pattern::~Pattern() = default;

const re2::RE2& Pattern::re() const {
  std::call_once(once_, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_max_mem(kPatternMaxMem);
    options.set_case_sensitive(!case_insensitive_);
    re_ = std::make_unique<re2::RE2>(source_, options);
  });
  return *re_;
}

int Pattern::ProgramSize() const { return re().ok() ? re().ProgramSize() : 0; }

std::string Pattern::Validate(EmptyMatch empty) const {
  const re2::RE2& compiled = re();
  if (!compiled.ok()) return "invalid pattern: " + compiled.error() + HintFor(source_);
  if (compiled.ProgramSize() > kMaxProgramSize) {
    return "pattern is too large (" + std::to_string(compiled.ProgramSize()) +
           " instructions; limit " + std::to_string(kMaxProgramSize) + ")";
  }
  if (empty == EmptyMatch::kReject && re2::RE2::PartialMatch("", compiled)) {
    return "pattern matches the empty string, so it would match everywhere";
  }
  return "";
}

}  // namespace riskgate::policy
