#include "policy/pattern.h"

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

const core::Regex& Pattern::regex() const {
  std::call_once(once_, [this] {
    core::RegexOptions options;
    options.encoding = core::RegexEncoding::kLatin1;
    options.letter_case =
        case_insensitive_ ? core::RegexCase::kInsensitive : core::RegexCase::kSensitive;
    options.max_mem = kPatternMaxMem;
    regex_.emplace(source_, options);
  });
  return *regex_;
}

int Pattern::ProgramSize() const { return regex().ProgramSize(); }

std::string Pattern::Validate(EmptyMatch empty) const {
  const core::Regex& compiled = regex();
  if (!compiled.ok()) return "invalid pattern: " + compiled.error() + HintFor(source_);
  if (compiled.ProgramSize() > kMaxProgramSize) {
    return "pattern is too large (" + std::to_string(compiled.ProgramSize()) +
           " instructions; limit " + std::to_string(kMaxProgramSize) + ")";
  }
  if (empty == EmptyMatch::kReject && compiled.PartialMatch("")) {
    return "pattern matches the empty string, so it would match everywhere";
  }
  return "";
}

}  // namespace riskgate::policy
