#include "collect/line_ends.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace riskgate::collect {
namespace {

std::uint64_t Word(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// How many of the first `n` bytes of `a` and `b` are equal, 8 at a time (std::mismatch goes
// byte by byte: a fifth of the diff time it saves).
std::size_t SamePrefix(const char* a, const char* b, std::size_t n) {
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t diff = Word(a + i) ^ Word(b + i);
      if (diff != 0) return i + static_cast<std::size_t>(std::countr_zero(diff)) / 8;
    }
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// How many of the last `n` bytes before `a_end` and `b_end` are equal.
std::size_t SameSuffix(const char* a_end, const char* b_end, std::size_t n) {
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t diff = Word(a_end - i - 8) ^ Word(b_end - i - 8);
      if (diff != 0) return i + static_cast<std::size_t>(std::countl_zero(diff)) / 8;
    }
  }
  while (i < n &&
         a_end[-1 - static_cast<std::ptrdiff_t>(i)] == b_end[-1 - static_cast<std::ptrdiff_t>(i)]) {
    ++i;
  }
  return i;
}

// Whether `at` starts a line of `text` (its first byte or the byte after a '\n').
bool StartsLine(std::string_view text, std::size_t at) { return at == 0 || text[at - 1] == '\n'; }

}  // namespace

CommonLines CommonLineEnds(std::string_view old_text, std::string_view new_text) {
  CommonLines out;
  const std::size_t shorter = std::min(old_text.size(), new_text.size());
  std::size_t prefix = SamePrefix(old_text.data(), new_text.data(), shorter);
  if (prefix == old_text.size() && prefix == new_text.size()) {
    out.prefix_bytes = prefix;  // equal texts: nothing between the ends
  } else {
    // Back to the end of the last whole line both share. A shared last line without '\n' is not
    // whole here: the other text goes on after it.
    const std::size_t newline = old_text.substr(0, prefix).rfind('\n');
    prefix = newline == std::string_view::npos ? 0 : newline + 1;
    out.prefix_bytes = prefix;
  }
  const std::string_view prefix_text = old_text.substr(0, out.prefix_bytes);
  out.prefix_lines = static_cast<int>(std::count(prefix_text.begin(), prefix_text.end(), '\n'));
  if (!prefix_text.empty() && prefix_text.back() != '\n') ++out.prefix_lines;  // equal texts
  if (out.prefix_bytes == old_text.size() && out.prefix_bytes == new_text.size()) return out;
  const std::size_t room = shorter - out.prefix_bytes;
  std::size_t suffix =
      SameSuffix(old_text.data() + old_text.size(), new_text.data() + new_text.size(), room);
  // Forward to the start of the first whole line both share: where each text's byte before the
  // suffix ends a line (or is the prefix's last).
  while (suffix > 0 && !(StartsLine(old_text, old_text.size() - suffix) &&
                         StartsLine(new_text, new_text.size() - suffix))) {
    const std::string_view tail = old_text.substr(old_text.size() - suffix);
    const std::size_t newline = tail.find('\n');
    suffix = newline == std::string_view::npos ? 0 : suffix - (newline + 1);
  }
  out.suffix_bytes = suffix;
  return out;
}

}  // namespace riskgate::collect
