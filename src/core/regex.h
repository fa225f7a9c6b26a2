// Stage 0 (core): regular expressions, the one door to RE2 (only core/regex.cc includes it).
// RE2 syntax and guarantees: linear time, no backreferences or lookaround, repeat counts up to
// 1000. A compiled Regex is immutable and safe to share between threads. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace riskgate::core {

// UTF-8 is RE2's default; in Latin-1 `.` and classes match every byte, so a pattern also runs
// over blobs that are not valid UTF-8 (ASCII patterns behave the same in both).
enum class RegexEncoding { kUtf8, kLatin1 };
enum class RegexCase { kSensitive, kInsensitive };

struct RegexOptions {
  RegexEncoding encoding = RegexEncoding::kUtf8;
  RegexCase letter_case = RegexCase::kSensitive;
  // Memory budget of the compiled program and its matchers (RE2's default, 8 MiB).
  std::int64_t max_mem = std::int64_t{8} << 20;
};

// Where a match may lie: anywhere in the text, or the whole text.
enum class RegexAnchor { kUnanchored, kWhole };

class Regex {
 public:
  // Compiles `pattern`; a bad one gives a Regex that is not ok() and matches nothing.
  explicit Regex(std::string_view pattern, RegexOptions options = {});
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  bool ok() const;
  // Why the pattern did not compile, in RE2's words ("missing ): (abc"); "" when ok().
  const std::string& error() const;
  const std::string& pattern() const;
  RegexEncoding encoding() const;
  // Capturing groups of the pattern; -1 when not ok().
  int NumberOfCapturingGroups() const;
  // Instructions of the compiled program, a measure of its cost; 0 when not ok().
  int ProgramSize() const;

  // Whether the pattern matches somewhere in `text` (the fastest question: no captures).
  bool PartialMatch(std::string_view text) const;
  // Whether the pattern matches all of `text`.
  bool FullMatch(std::string_view text) const;

  // The leftmost match at or after byte `from` of `text` (context before `from` still counts
  // for `^` and `\b`). Fills groups[0] with the match and groups[i] with group i; a group that
  // took no part, or one the pattern does not have, is an empty view with a null data().
  // Views point into `text`. Asking for fewer groups is faster; an empty span gives none.
  bool Match(std::string_view text, std::size_t from, RegexAnchor anchor,
             std::span<std::string_view> groups) const;
  bool PartialMatch(std::string_view text, std::span<std::string_view> groups) const {
    return Match(text, 0, RegexAnchor::kUnanchored, groups);
  }
  bool FullMatch(std::string_view text, std::span<std::string_view> groups) const {
    return Match(text, 0, RegexAnchor::kWhole, groups);
  }

 private:
  std::unique_ptr<const re2::RE2> re_;
};

// The successive non-overlapping matches of a Regex in a text, left to right. Each search
// starts where the previous match ended; after an empty match it starts one character later
// (one byte in Latin-1, one UTF-8 sequence in UTF-8), so an empty match is reported once and
// the walk always ends.
//   RegexMatches matches(regex, text);
//   while (matches.Next()) Use(matches.begin(), matches.end(), matches.group(1));
class RegexMatches {
 public:
  RegexMatches(const Regex& regex, std::string_view text);
  RegexMatches(const RegexMatches&) = delete;
  RegexMatches& operator=(const RegexMatches&) = delete;

  // Finds the next match; false when there is none left.
  bool Next();
  // Offsets of the current match in the text.
  std::size_t begin() const { return begin_; }
  std::size_t end() const { return end_; }
  // Group i of the current match (0 is the whole match); null data() when it took no part.
  std::string_view group(int i) const { return groups_[static_cast<std::size_t>(i)]; }
  // Number of groups group() can give: the pattern's groups plus the whole match.
  int size() const { return static_cast<int>(groups_.size()); }

 private:
  const Regex& regex_;
  RegexEncoding encoding_;
  std::string_view text_;
  std::size_t from_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::vector<std::string_view> groups_;
};

}  // namespace riskgate::core
