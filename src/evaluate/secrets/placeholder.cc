#include "evaluate/secrets/placeholder.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.h"

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::size_t kRun = 8;
constexpr std::size_t kMaxTokenLength = 256;
constexpr std::size_t kPeriodicLength = 12;
constexpr std::size_t kMaxPeriod = 12;

// Whole values that name the secret instead of being one (user:password@, Password=secret).
constexpr std::array<std::string_view, 8> kStandIns = {"password", "passwd",   "pass", "pwd",
                                                       "secret",   "username", "user", "token"};

constexpr std::array<std::string_view, 14> kWords = {
    "example", "placeholder", "changeme", "your_", "your-", "some_", "redacted", "dummy", "sample",
    "abcd1234", "mypassword", "myusername", "thisismy",
    // The UUID of RFC 4122's and every tutorial's examples.
    "123e4567-e89b"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// One step of a counting sequence: the next letter, or the next digit with 9 followed by 0.
bool Follows(char before, char now, int direction) {
  if (IsDigit(before) && IsDigit(now)) {
    return (before - '0' + 10 + direction) % 10 == now - '0';
  }
  return IsLetter(before) && IsLetter(now) && now == before + direction;
}

// Zero bytes encode as AAAA in base64, so encoded binary has runs of 'A' (a Twitter bearer
// token starts with twenty of them): such runs count only where 'A' is half the value or more.
bool IgnoresRunsOfA(std::string_view value) {
  return static_cast<std::size_t>(std::count(value.begin(), value.end(), 'A')) * 2 < value.size();
}

// Whether the character at `i` of `value` is an 'A' that IgnoresRunsOfA leaves out.
bool IgnoredA(std::string_view value, bool ignore_a, std::size_t i) {
  return ignore_a && i < value.size() && value[i] == 'A';
}

// A run of kRun characters of `text` (lower-cased `value`) that count up or down, or (with
// `repeats`) repeat one character.
bool HasRun(std::string_view text, std::string_view value, bool repeats, bool ignore_a) {
  std::size_t up = 1, down = 1, same = 1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    up = Follows(text[i - 1], text[i], 1) ? up + 1 : 1;
    down = Follows(text[i - 1], text[i], -1) ? down + 1 : 1;
    same = repeats && text[i] == text[i - 1] && !IgnoredA(value, ignore_a, i) ? same + 1 : 1;
    if (up >= kRun || down >= kRun || same >= kRun) return true;
  }
  return false;
}

// The same 2-12 character unit written again and again over 12 or more characters (and at
// least three times its length). A stretch of ignored A's alone does not count.
bool HasPeriodicStretch(std::string_view text, std::string_view value, bool ignore_a) {
  for (std::size_t period = 2; period <= kMaxPeriod; ++period) {
    std::size_t matched = 0;
    std::size_t not_a = 0;  // how many of the stretch's characters are not ignored A's
    for (std::size_t i = period; i < text.size(); ++i) {
      if (text[i] == text[i - period]) {
        ++matched;
        not_a += IgnoredA(value, ignore_a, i) ? 0 : 1;
      } else {
        matched = not_a = 0;
      }
      if (matched + period >= kPeriodicLength && matched >= 2 * period && not_a > 0) return true;
    }
  }
  return false;
}

// Each character once where it repeats (aaaabbbbcccc -> abc).
std::string Collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

}  // namespace

bool LooksLikePlaceholder(std::string_view value) {
  const std::string lower = core::AsciiLower(value);
  for (std::string_view word : kWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  // Longer values are encoded data (private keys, certificates), whose structure repeats
  // characters and units (zero bytes as AAAAAAAA in an OpenSSH key): only counting runs, which
  // such data does not write, judge them.
  if (value.size() > kMaxTokenLength) return HasRun(lower, value, /*repeats=*/false, false);
  if (std::find(kStandIns.begin(), kStandIns.end(), lower) != kStandIns.end()) return true;
  if (lower.size() >= 2 && lower.front() == '<' && lower.back() == '>') return true;
  const bool ignore_a = IgnoresRunsOfA(value);
  if (HasRun(lower, value, /*repeats=*/true, ignore_a) ||
      HasRun(Collapsed(lower), "", /*repeats=*/false, false) ||
      HasPeriodicStretch(lower, value, ignore_a)) {
    return true;
  }
  // Letters and digits written as two interleaved sequences (a1b2c3d4..., abc123def456...).
  std::string letters, digits;  // as written: the letters keep their case for the A test
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (IsLetter(lower[i])) letters += value[i];
    if (IsDigit(lower[i])) digits += value[i];
  }
  return (!digits.empty() && HasRun(core::AsciiLower(letters), letters, true, ignore_a)) ||
         (!letters.empty() && HasRun(digits, digits, true, false));
}

}  // namespace riskgate::evaluate::secrets
