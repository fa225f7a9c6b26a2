// Issue 21: the span decoder on a delta's result (evaluate/secrets/span_decoder.h,
// DecodeSpansOutside) looks for encoded runs only around what the delta changed, when the
// earlier text decoded to nothing. It must give exactly what DecodeSpans gives on the whole
// result — the same decoded text, spans and truncation — wherever the change falls: inside a
// long run, between two runs it joins, beside a wrapped block, at the text's ends.
#include <catch2/catch.hpp>
#include <random>

#include "core/text.h"
#include "evaluate/secrets/span_decoder.h"

namespace riskgate::evaluate::secrets {
namespace {

using collect::pack::CopiedRange;

std::string Pick(std::mt19937& random, std::string_view alphabet, std::size_t length) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[random() % alphabet.size()];
  return out;
}

constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// A printable secret-like string, base64-encoded: DecodeSpans keeps its decoding.
std::string EncodedSecret(std::mt19937& random) {
  return core::Base64Encode("token=ghp_" + Pick(random, kAlnum, 36) +
                            " user=" + Pick(random, kAlnum, 8));
}

// Pieces of text DecodeSpans keeps nothing of: code, hex digests, words in one case, base64 of
// random bytes (wrapped as base64(1) wraps it, or on one line), invalid percent escapes, bytes
// past ASCII, quotes and angle brackets.
std::string CleanPiece(std::mt19937& random) {
  switch (random() % 9) {
    case 0:
      return "\tif (buf[i] == '\\n') count++; /* lines */\n";
    case 1:
      return "sha256:" + Pick(random, "0123456789abcdef", 64) + "\n";
    case 2:
      return "CONSTANT_NAME_" + Pick(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_", 40) + " = 1;\n";
    case 3: {
      std::string bytes;
      for (int i = 0; i < 120; ++i) bytes += static_cast<char>(random() % 256);
      std::string encoded = core::Base64Encode(bytes);
      std::string wrapped;
      for (std::size_t at = 0; at < encoded.size(); at += 76) {
        wrapped += encoded.substr(at, 76) + "\n";
      }
      return random() % 2 == 0 ? wrapped : "blob: \"" + encoded + "\"\n";
    }
    case 4:
      return "<a href=\"/path%ZZ%Q1\">caf\xc3\xa9 na\xc3\xafve</a>\n";
    case 5:
      return "    value = compute(first, second) + 42;\r\n";
    case 6:
      return Pick(random, "abcdefghijklmnopqrstuvwxyz", 30) + "-" + Pick(random, "0123456789", 10) +
             ";\n";
    case 7:
      return std::string(1, "\t \"'`<>\x7f\x80"[random() % 9]);
    default:
      // Half of an encoded secret each side of a space: too short to be a run, until a delta
      // drops the space between them.
      {
        const std::string secret = EncodedSecret(random);
        return " " + secret.substr(0, 20) + " " + secret.substr(20, 20) + "\n";
      }
  }
}

// Bytes a delta inserts: encoded secrets, percent-encoded text, run bytes that lengthen or join
// the runs they land in, stops, line breaks, or clean pieces.
std::string Insert(std::mt19937& random) {
  switch (random() % 8) {
    case 0:
      return EncodedSecret(random);
    case 1:
      return "https%3A%2F%2Fdeploy%3As3cr3tP%40ssw0rd%40example.com%2Fpath";
    case 2:
      return Pick(random, kAlnum, 1 + random() % 6);
    case 3:
      return Pick(random, "+/-_=%", 1);
    case 4:
      return Pick(random, " \t\"<>\n\r", 1);
    case 5: {
      const std::string secret = EncodedSecret(random);
      return secret.substr(0, 40) + "\n" + secret.substr(40);
    }
    default:
      return CleanPiece(random);
  }
}

struct Made {
  std::string result;
  std::vector<CopiedRange> copied;
};

// `earlier` cut into runs, some dropped, some copied, with inserts between and in them.
Made Edit(const std::string& earlier, std::mt19937& random) {
  Made made;
  std::size_t at = 0;
  while (at < earlier.size()) {
    const std::size_t length = std::min<std::size_t>(earlier.size() - at, 1 + random() % 400);
    const auto what = random() % 10;
    if (what < 6) {  // copied
      made.copied.push_back({made.result.size(), made.result.size() + length});
      made.result.append(earlier, at, length);
    } else if (what < 8) {  // copied, then something inserted
      made.copied.push_back({made.result.size(), made.result.size() + length});
      made.result.append(earlier, at, length);
      made.result += Insert(random);
    } else if (what < 9) {  // replaced
      made.result += Insert(random);
    }  // else dropped
    at += length;
  }
  return made;
}

std::string CleanText(std::mt19937& random, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += CleanPiece(random);
  return text;
}

void RequireSame(const DecodedText& narrow, const DecodedText& whole) {
  REQUIRE(narrow.text == whole.text);
  REQUIRE(narrow.truncated == whole.truncated);
  REQUIRE(narrow.spans.size() == whole.spans.size());
  for (std::size_t i = 0; i < whole.spans.size(); ++i) {
    REQUIRE(narrow.spans[i].source_begin == whole.spans[i].source_begin);
    REQUIRE(narrow.spans[i].source_end == whole.spans[i].source_end);
    REQUIRE(narrow.spans[i].begin == whole.spans[i].begin);
    REQUIRE(narrow.spans[i].end == whole.spans[i].end);
    REQUIRE(narrow.spans[i].encoding == whole.spans[i].encoding);
  }
}

}  // namespace

TEST_CASE("a delta's result decodes around its changes exactly as it decodes whole",
          "[evaluate][decode][delta]") {
  std::mt19937 random(21);
  DecodeLimits small;  // a budget the inserted secrets run out of
  small.budget = 160;
  small.max_span = 64;
  int compared = 0;
  int passed_over = 0;
  int decoded_something = 0;
  int truncated = 0;
  for (int round = 0; round < 600; ++round) {
    const std::string earlier = CleanText(random, 200 + random() % 6000);
    for (const DecodeLimits& limits : {DecodeLimits{}, small}) {
      // The premise: the earlier text decodes to nothing. Short pieces of a long run of random
      // base64 now and then decode to a few printable bytes: such a text is passed over.
      const DecodedText before = DecodeSpans(earlier, limits);
      if (!before.text.empty() || before.truncated) {
        ++passed_over;
        continue;
      }
      // Several results of one earlier text, each with its own edits.
      for (int edit = 0; edit < 3; ++edit) {
        const Made made = Edit(earlier, random);
        const DecodedText whole = DecodeSpans(made.result, limits);
        RequireSame(DecodeSpansOutside(made.result, made.copied, limits), whole);
        ++compared;
        decoded_something += whole.text.empty() ? 0 : 1;
        truncated += whole.truncated ? 1 : 0;
      }
    }
  }
  // The edits must reach what matters: results that decode, and budgets that run out.
  CHECK(passed_over < 60);
  CHECK(compared == 3 * (1200 - passed_over));
  CHECK(decoded_something > 1000);
  CHECK(truncated > 100);
}

TEST_CASE("a one-byte change decodes what it joins, lengthens or cuts, at any place",
          "[evaluate][decode][delta]") {
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    // Two halves of an encoded secret split by one stop, inside clean text: changing the stop
    // joins them into a run that decodes; every other one-byte change is tried too.
    const std::string secret = EncodedSecret(random);
    const std::string before = CleanText(random, 300);
    const std::string earlier =
        before + secret.substr(0, 20) + " " + secret.substr(21, 20) + "\n" + CleanText(random, 300);
    REQUIRE(DecodeSpans(earlier).text.empty());
    const std::size_t at = random() % earlier.size();
    for (const char c : std::string("A+_%\n \"")) {
      std::string result = earlier;
      result[at] = c;
      std::vector<CopiedRange> copied;
      if (at > 0) copied.push_back({0, at});
      if (at + 1 < result.size()) copied.push_back({at + 1, result.size()});
      RequireSame(DecodeSpansOutside(result, copied), DecodeSpans(result));
    }
    // And the stop between the halves turned into a run byte: the secret must decode.
    std::string joined = earlier;
    const std::size_t stop = before.size() + 20;
    REQUIRE(joined[stop] == ' ');
    joined[stop] = secret[20];
    const std::vector<CopiedRange> copied{{0, stop}, {stop + 1, joined.size()}};
    const DecodedText narrow = DecodeSpansOutside(joined, copied);
    CHECK_FALSE(narrow.text.empty());
    RequireSame(narrow, DecodeSpans(joined));
  }
}

TEST_CASE("a change in one line of a wrapped block decodes the whole block",
          "[evaluate][decode][delta]") {
  // base64(1) output of "AAA..." (LF or CRLF line ends): one letter case, low entropy, so the
  // block decodes to nothing. A delta rewrites the inside of its middle line with an encoded
  // secret: the block, all three lines, is then one run that decodes, and the delta's piece
  // must reach its first and last lines.
  std::mt19937 random(11);
  const std::string plain(57, 'A');
  const std::string line = core::Base64Encode(plain);  // 76 characters
  REQUIRE(line.size() == 76);
  for (int round = 0; round < 50; ++round) {
    // Lines that end and start with a byte no run holds, around the block.
    const std::string head = CleanText(random, 200) + ";\n";
    const std::string eol = round % 2 == 0 ? "\n" : "\r\n";
    const std::string earlier =
        head + line + eol + line + eol + line + eol + ";" + CleanText(random, 200);
    REQUIRE(DecodeSpans(earlier).text.empty());
    const std::string middle = core::Base64Encode("password=" + Pick(random, kAlnum, 48));
    REQUIRE(middle.size() == 76);
    // Only the inside of the middle line changes: its line breaks are copied.
    std::string result = earlier;
    const std::size_t at = head.size() + 76 + eol.size() + 12;
    result.replace(at, 52, middle.substr(12, 52));
    const std::vector<CopiedRange> copied{{0, at}, {at + 52, result.size()}};
    const DecodedText whole = DecodeSpans(result);
    REQUIRE(whole.spans.size() == 1);
    CHECK(whole.spans[0].source_begin == head.size());  // from the block's first line
    RequireSame(DecodeSpansOutside(result, copied), whole);
  }
}

TEST_CASE("a delta's result is read only around its changes, the whole of it when that is cheaper",
          "[evaluate][decode][delta]") {
  // White-box: an earlier text that DOES decode breaks the premise, so what the narrow way
  // returns shows which bytes it read. A change far from the encoded secret leaves it unread...
  std::mt19937 random(3);
  const std::string secret = EncodedSecret(random);
  std::string text = CleanText(random, 4000) + " " + secret + " " + CleanText(random, 4000);
  REQUIRE_FALSE(DecodeSpans(text).text.empty());
  const std::size_t change = 100;
  text[change] = 'x';
  const std::vector<CopiedRange> copied{{0, change}, {change + 1, text.size()}};
  CHECK(DecodeSpansOutside(text, copied).text.empty());
  // ...one that touches it has it read...
  const std::size_t inside = text.find(secret) + 10;
  std::string touched = text;
  touched[inside] = touched[inside] == 'A' ? 'B' : 'A';
  const std::vector<CopiedRange> around{{0, inside}, {inside + 1, touched.size()}};
  const DecodedText read = DecodeSpansOutside(touched, around);
  CHECK_FALSE(read.text.empty());
  RequireSame(read, DecodeSpans(touched));
  // ...and when the changes cover most of the text, or the ranges make no sense, the whole text
  // is read.
  const std::vector<CopiedRange> little{{0, 2000}};
  RequireSame(DecodeSpansOutside(text, little), DecodeSpans(text));
  const std::vector<CopiedRange> backwards{{5000, 6000}, {10, 20}};
  RequireSame(DecodeSpansOutside(text, backwards), DecodeSpans(text));
  const std::vector<CopiedRange> beyond{{0, text.size() + 1}};
  RequireSame(DecodeSpansOutside(text, beyond), DecodeSpans(text));
}

}  // namespace riskgate::evaluate::secrets
