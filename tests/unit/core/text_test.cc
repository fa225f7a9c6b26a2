#include <catch2/catch.hpp>

#include "core/text.h"

namespace riskgate::core {

TEST_CASE("entropy of a single repeated character is zero", "[core]") {
  CHECK(ShannonEntropy("aaaaaaaa") == Approx(0.0));
  CHECK(ShannonEntropy("") == Approx(0.0));
}

TEST_CASE("entropy of distinct characters is log2 of their count", "[core]") {
  CHECK(ShannonEntropy("abcd") == Approx(2.0));
  CHECK(ShannonEntropy("0123456789abcdef") == Approx(4.0));
}

TEST_CASE("redaction keeps at most four characters and never a quarter of the secret", "[core]") {
  CHECK(Redact("AKIAQX7ZK2TBM4NWY6RE") == "AKIA...");
  CHECK(Redact("abcdefgh") == "ab...");
  CHECK(Redact("abc") == "REDACTED");
  CHECK(Redact("") == "REDACTED");
}

TEST_CASE("redaction escapes control characters in the kept prefix", "[core]") {
  CHECK(Redact("\x1b[31mxxxxxxxxxxxxxxxxxx") == "\\x1b[31...");
}

TEST_CASE("display escaping keeps valid UTF-8 and escapes control and invalid bytes", "[core]") {
  CHECK(EscapeForDisplay("plain/path.txt") == "plain/path.txt");
  CHECK(EscapeForDisplay("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(EscapeForDisplay("a\nb") == "a\\x0ab");
  CHECK(EscapeForDisplay("bad\xff") == "bad\\xff");
  CHECK(EscapeForDisplay("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  // An overlong encoding of '/' is not valid UTF-8.
  CHECK(EscapeForDisplay("\xc0\xaf") == "\\xc0\\xaf");
  // C1 controls (U+0080..U+009F) are escaped byte by byte.
  CHECK(EscapeForDisplay("\xc2\x9b") == "\\xc2\\x9b");
}

TEST_CASE("sha256 matches the published test vector", "[core]") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha1 of joined parts gives git's object ids, and hex bytes are two digits each",
          "[core]") {
  CHECK(HexBytes(Sha1Raw({"abc"})) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  // git's empty blob, and "hello\n" as a blob, hashed from their parts.
  CHECK(HexBytes(Sha1Raw({"blob 0", std::string_view("\0", 1)})) ==
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  CHECK(HexBytes(Sha1Raw({"blob 6", std::string_view("\0", 1), "hello\n"})) ==
        "ce013625030ba8dba906f756967f9e9ca394464a");
  CHECK(HexBytes(std::string("\x00\xff\x10", 3)) == "00ff10");
}

TEST_CASE("random hex is as long as asked, hex only, and new every time", "[core]") {
  const auto first = RandomHex(16);
  const auto second = RandomHex(16);
  REQUIRE(first.has_value());
  REQUIRE(second.has_value());
  CHECK(first->size() == 32);
  CHECK(first->find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(*first != *second);
  // 256 random bytes: every hex digit shows up (a constant or low-entropy source would not).
  const auto long_one = RandomHex(256);
  REQUIRE(long_one.has_value());
  for (char digit : std::string("0123456789abcdef")) {
    CHECK(long_one->find(digit) != std::string::npos);
  }
}

TEST_CASE("ascii lower-casing leaves other bytes alone", "[core]") {
  CHECK(AsciiLower("AbC-\xc3\x89") == "abc-\xc3\x89");
}

}  // namespace riskgate::core

TEST_CASE("error messages keep their line breaks and escape everything else", "[core][issue5]") {
  using riskgate::core::EscapeLinesForDisplay;
  CHECK(EscapeLinesForDisplay("a.yaml:1:2: bad\nb\x1b[31m.yaml:3:4: worse\r") ==
        "a.yaml:1:2: bad\nb\\x1b[31m.yaml:3:4: worse\\x0d");
  CHECK(EscapeLinesForDisplay("") == "");
  CHECK(EscapeLinesForDisplay("\n") == "\n");
}

TEST_CASE("shell quoting names exactly the path, whatever bytes it holds", "[core][issue5]") {
  using riskgate::core::ShellQuote;
  CHECK(ShellQuote("src/a.py") == "src/a.py");
  CHECK(ShellQuote("my file's.txt") == "'my file'\\''s.txt'");
  CHECK(ShellQuote("a\nb\x1b\xff'\\") == "$'a\\x0ab\\x1b\\xff\\'\\\\'");
  CHECK(ShellQuote("") == "''");
}

TEST_CASE("issue 19: counts read as English and a typo finds its closest name", "[core][text]") {
  using riskgate::core::ClosestMatch;
  using riskgate::core::Plural;
  CHECK(Plural(1, "commit") == "1 commit");
  CHECK(Plural(0, "file") == "0 files");
  CHECK(Plural(2, "ref") == "2 refs");
  const std::vector<std::string> commands = {"check", "history", "merge", "waive", "waivers"};
  CHECK(ClosestMatch("chek", commands) == "check");
  CHECK(ClosestMatch("histroy", commands) == "history");
  CHECK(ClosestMatch("deploy", commands).empty());
  CHECK(ClosestMatch("--stagd", {"--staged", "--worktree", "--base"}) == "--staged");
}
