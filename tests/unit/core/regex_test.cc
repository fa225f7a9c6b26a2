#include "core/regex.h"

#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riskgate::core {
namespace {

// Every match of `regex` in `text` as [begin, end) offsets.
std::vector<std::pair<std::size_t, std::size_t>> AllMatches(const Regex& regex,
                                                            std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  RegexMatches matches(regex, text);
  while (matches.Next()) out.emplace_back(matches.begin(), matches.end());
  return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

}  // namespace

TEST_CASE("an invalid pattern is not ok, says why in RE2's words and matches nothing",
          "[core][regex]") {
  const Regex open("(abc");
  CHECK_FALSE(open.ok());
  CHECK(open.error() == "missing ): (abc");
  CHECK(open.pattern() == "(abc");
  CHECK(open.ProgramSize() == 0);
  CHECK_FALSE(open.PartialMatch("(abc"));
  std::array<std::string_view, 1> match;
  CHECK_FALSE(open.PartialMatch("abc", match));
  RegexMatches none(open, "abc");
  CHECK_FALSE(none.Next());

  CHECK(Regex("a{1001}").error() == "invalid repetition size: {1001}");
  CHECK(Regex("(?<name>x)").error() == "invalid perl operator: (?<");  // RE2 2022-06-01
  CHECK(Regex("a(?=b)").error() == "invalid perl operator: (?=");
  const Regex good("a+");
  CHECK(good.ok());
  CHECK(good.error().empty());
  CHECK(good.ProgramSize() > 0);
}

TEST_CASE("a program over its memory budget does not compile", "[core][regex]") {
  RegexOptions small;
  small.max_mem = 1 << 10;
  const Regex big("[a-z]{100}[0-9]{100}", small);
  CHECK_FALSE(big.ok());
  CHECK(big.error() == "pattern too large - compile failed");
  CHECK(Regex("[a-z]{100}[0-9]{100}").ok());
}

TEST_CASE("partial match finds the pattern anywhere, full match needs all of the text",
          "[core][regex]") {
  const Regex sha("[0-9a-f]{4}");
  CHECK(sha.PartialMatch("ref beef here"));
  CHECK_FALSE(sha.FullMatch("ref beef here"));
  CHECK(sha.FullMatch("beef"));
  CHECK_FALSE(sha.FullMatch("beefs"));
  CHECK_FALSE(sha.PartialMatch(""));
  CHECK(Regex("x*").PartialMatch(""));
  CHECK(Regex("x*").FullMatch(""));
  // A view into a longer buffer is matched on its own bytes only.
  const std::string buffer = "beef!";
  CHECK(sha.FullMatch(std::string_view(buffer).substr(0, 4)));
}

TEST_CASE("captures give the match and each group, a group that took no part is null",
          "[core][regex]") {
  const Regex entry(R"re(^(\s*)"([^"]+)"\s*:\s*"([^"]*)"(,)?)re");
  CHECK(entry.NumberOfCapturingGroups() == 4);
  const std::string_view line = R"(  "left-pad": "^1.3.0")";
  std::array<std::string_view, 5> groups;
  REQUIRE(entry.PartialMatch(line, groups));
  CHECK(groups[0] == line);
  CHECK(groups[1] == "  ");
  CHECK(groups[2] == "left-pad");
  CHECK(groups[3] == "^1.3.0");
  CHECK(groups[4].data() == nullptr);
  CHECK(groups[1].data() == line.data());  // views point into the text

  // Fewer views than groups: only those are filled. More: the extra ones are null.
  std::array<std::string_view, 2> two;
  REQUIRE(entry.FullMatch(line, two));
  CHECK(two[1] == "  ");
  std::array<std::string_view, 7> seven;
  REQUIRE(entry.FullMatch(line, seven));
  CHECK(seven[5].data() == nullptr);
  CHECK(seven[6].data() == nullptr);
  CHECK_FALSE(entry.FullMatch(std::string(line) + " x", seven));

  // Many groups (past the facade's inline buffer of 16) are filled the same way.
  const Regex letters("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)");
  std::array<std::string_view, 21> all;
  REQUIRE(letters.FullMatch("abcdefghijklmnopqrst", all));
  CHECK(all[1] == "a");
  CHECK(all[17] == "q");
  CHECK(all[20] == "t");

  // An empty group that matched is empty but not null.
  std::array<std::string_view, 4> empty_value;
  REQUIRE(entry.PartialMatch(R"("a": "")", empty_value));
  CHECK(empty_value[3].empty());
  CHECK(empty_value[3].data() != nullptr);
}

TEST_CASE("a match from an offset still sees the text before it for anchors and word breaks",
          "[core][regex]") {
  const Regex word(R"(\bkey\b)");
  std::array<std::string_view, 1> match;
  const std::string_view text = "monkey key";
  REQUIRE(word.Match(text, 3, RegexAnchor::kUnanchored, match));
  CHECK(match[0].data() - text.data() == 7);
  CHECK_FALSE(Regex("^key").Match(text, 7, RegexAnchor::kUnanchored, match));
  CHECK_FALSE(word.Match(text, text.size() + 1, RegexAnchor::kUnanchored, match));
}

TEST_CASE("case-insensitive patterns ignore the case of letters", "[core][regex]") {
  RegexOptions options;
  options.letter_case = RegexCase::kInsensitive;
  CHECK(Regex("dockerfile", options).FullMatch("DockerFile"));
  CHECK_FALSE(Regex("dockerfile").FullMatch("DockerFile"));
  CHECK(Regex("(?i)dockerfile").FullMatch("DockerFile"));
}

TEST_CASE("UTF-8 patterns match characters, Latin-1 patterns match every byte", "[core][regex]") {
  const std::string e_acute = "\xc3\xa9";  // é
  CHECK(Regex("^.$").FullMatch(e_acute));
  CHECK(Regex("caf\xc3\xa9").PartialMatch("un caf" + e_acute));
  CHECK(Regex(R"(\x{e9})").FullMatch(e_acute));

  RegexOptions latin1;
  latin1.encoding = RegexEncoding::kLatin1;
  CHECK(Regex("^..$", latin1).FullMatch(e_acute));
  CHECK(Regex(".", latin1).encoding() == RegexEncoding::kLatin1);
  CHECK(Regex(".").encoding() == RegexEncoding::kUtf8);

  // Bytes that are not UTF-8: only Latin-1 lets `.` take them (a blob need not be UTF-8).
  const std::string invalid = "key=\xff\xfe";
  CHECK_FALSE(Regex("key=..").PartialMatch(invalid));
  CHECK(Regex("key=..", latin1).PartialMatch(invalid));
}

TEST_CASE("find-all gives non-overlapping matches left to right with their offsets",
          "[core][regex]") {
  CHECK(AllMatches(Regex("aa"), "aaaaa") == Spans{{0, 2}, {2, 4}});
  CHECK(AllMatches(Regex("a+"), "baab a") == Spans{{1, 3}, {5, 6}});
  CHECK(AllMatches(Regex("x"), "").empty());
  CHECK(AllMatches(Regex("x"), "abc").empty());
  // Leftmost-first, as Go's regexp and gitleaks: the first alternative that matches wins.
  CHECK(AllMatches(Regex("ab|abcd"), "abcd") == Spans{{0, 2}});
}

TEST_CASE("find-all reports each empty match once and moves on by one character", "[core][regex]") {
  // After an empty match the search starts one byte later; a match may then end there.
  CHECK(AllMatches(Regex("a*"), "baa") == Spans{{0, 0}, {1, 3}, {3, 3}});
  CHECK(AllMatches(Regex(""), "ab") == Spans{{0, 0}, {1, 1}, {2, 2}});
  CHECK(AllMatches(Regex(""), "") == Spans{{0, 0}});

  // In UTF-8 a character's continuation bytes are skipped; in Latin-1 every byte is one.
  const std::string text = "\xc3\xa9!";  // é!
  CHECK(AllMatches(Regex("x*"), text) == Spans{{0, 0}, {2, 2}, {3, 3}});
  RegexOptions latin1;
  latin1.encoding = RegexEncoding::kLatin1;
  CHECK(AllMatches(Regex("x*", latin1), text) == Spans{{0, 0}, {1, 1}, {2, 2}, {3, 3}});
}

TEST_CASE("find-all gives each match's groups and sees the text before it", "[core][regex]") {
  const Regex assignment(R"((\w+)=(\d+)?)");
  RegexMatches matches(assignment, "a=1 b= c=22");
  CHECK(matches.size() == 3);
  REQUIRE(matches.Next());
  CHECK(matches.group(1) == "a");
  CHECK(matches.group(2) == "1");
  REQUIRE(matches.Next());
  CHECK(matches.group(0) == "b=");
  CHECK(matches.group(2).data() == nullptr);
  REQUIRE(matches.Next());
  CHECK(matches.begin() == 7);
  CHECK(matches.end() == 11);
  CHECK(matches.group(2) == "22");
  CHECK_FALSE(matches.Next());
  CHECK_FALSE(matches.Next());

  // `^` is the start of the text, not of each search (no (?m)): one match, not three.
  CHECK(AllMatches(Regex("^a"), "aaa") == Spans{{0, 1}});
  CHECK(AllMatches(Regex("(?m)^a"), "a\na") == Spans{{0, 1}, {2, 3}});
}

}  // namespace riskgate::core
