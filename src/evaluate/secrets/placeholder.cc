#include "evaluate/secrets/placeholder.h"

#include <array>

#include "core/text.h"

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::size_t kRun = 8;

constexpr std::array<std::string_view, 10> kWords = {"example", "placeholder", "changeme", "your_",
                                                     "your-",   "redacted",    "dummy",    "fake",
                                                     "sample",  "abcd1234"};

bool SameClass(char a, char b) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  return (digit(a) && digit(b)) || (letter(a) && letter(b));
}

}  // namespace

bool LooksLikePlaceholder(std::string_view value) {
  const std::string lower = core::AsciiLower(value);
  if (lower.size() >= 2 && lower.front() == '<' && lower.back() == '>') return true;
  for (std::string_view word : kWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  std::size_t ascending = 1;
  std::size_t repeated = 1;
  for (std::size_t i = 1; i < lower.size(); ++i) {
    const char before = lower[i - 1];
    const char now = lower[i];
    ascending = (now == before + 1 && SameClass(before, now)) ? ascending + 1 : 1;
    repeated = now == before ? repeated + 1 : 1;
    if (ascending >= kRun || repeated >= kRun) return true;
  }
  return false;
}

}  // namespace riskgate::evaluate::secrets
