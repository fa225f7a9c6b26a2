// Issue 21: the word finder under span decoding (evaluate/secrets/base64_words.h) gives, for
// every start and every length asked for, exactly the first word a byte-by-byte scan finds —
// on texts across 64-byte blocks, words running over a block's end and the text's end, bytes
// above 0x7f (which no range may take for a letter), and every byte value once.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "evaluate/secrets/base64_words.h"

namespace riskgate::evaluate::secrets {
namespace {

bool Base64Byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '+' ||
         u == '/' || u == '-' || u == '_';
}

// 14/15 and 22/23 straddle the lengths from which a run must hold one, then two, whole bytes.
constexpr std::size_t kLengths[] = {1,  2,  5,  14, 15, 16, 22, 23, 24,
                                    25, 31, 32, 33, 63, 64, 65, 100};

// The first word from `from` on at least `min` long, byte by byte.
std::pair<std::size_t, std::size_t> Reference(const std::string& text, std::size_t from,
                                              std::size_t min) {
  std::size_t at = from;
  while (at < text.size()) {
    if (!Base64Byte(text[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && Base64Byte(text[end])) ++end;
    if (end - at >= std::max<std::size_t>(min, 1)) return {at, end};
    at = end;
  }
  return {Base64Words::npos, Base64Words::npos};
}

// Compares every (length, start) pair, with the bytes classified each way the CPU allows;
// returns how many found a word.
int CheckAll(const std::string& text, std::size_t step) {
  int found = 0;
  for (const bool avx2 : {true, false}) {
    found = 0;
    const Base64Words words(text, avx2);
    for (const std::size_t min : kLengths) {
      for (std::size_t from = 0; from <= text.size(); from += step) {
        const auto want = Reference(text, from, min);
        const auto got = words.Next(from, min);
        if (got != want) {
          FAIL_CHECK("min " << min << " from " << from << " (avx2 " << avx2 << "): got "
                            << got.first << ".." << got.second << ", want " << want.first << ".."
                            << want.second);
          return found;
        }
        found += want.first != Base64Words::npos ? 1 : 0;
      }
    }
  }
  return found;
}

TEST_CASE("base64 words are found as a byte-by-byte scan finds them", "[unit][evaluate][secrets]") {
  std::mt19937 random(21);
  const std::string alphabet =
      "ABCxyz019+/-_=.: \n\t\"'%@[`{\x7f\x80\xc1\xe1\xfa\xff";  // near every range's edges
  int found = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t size = random() % 400;
    while (text.size() < size) {
      // Words of every length, so runs end inside blocks, on their ends and past them.
      const std::size_t word = random() % 90;
      for (std::size_t i = 0; i < word && text.size() < size; ++i) {
        text += "abcXYZ0123456789+/-_"[random() % 20];
      }
      if (text.size() < size) text += alphabet[random() % alphabet.size()];
    }
    found += CheckAll(text, 1);
  }
  CHECK(found > 100000);  // words of every length were there to find
  std::string every;
  for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
  CHECK(CheckAll(every + every, 1) > 0);
  // One word of 1,000: found from every start that leaves the length asked for.
  int fits = 0;
  for (const std::size_t min : kLengths) {
    for (std::size_t from = 0; from <= 1000; from += 7) fits += from + min <= 1000 ? 1 : 0;
  }
  CHECK(CheckAll(std::string(1000, 'a'), 7) == fits);
  CHECK(CheckAll(std::string(130, 'Q') + " " + std::string(64, '/'), 1) > 0);
  CHECK(CheckAll("", 1) == 0);
}

TEST_CASE("a lone base64 word is found at every length and every offset in its block",
          "[unit][evaluate][secrets]") {
  // A block is passed over when it holds none of the whole bytes of set bits a word of the
  // length asked for must hold: a word alone, at each offset into two blocks, shows the test is
  // no stricter than that (the random texts above seldom leave a word alone in its block).
  int checked = 0;
  for (std::size_t length = 1; length <= 70; ++length) {
    for (std::size_t offset = 0; offset < 128; ++offset) {
      std::string text(offset, '.');
      text += std::string(length, 'k') + std::string(200, ' ');
      for (const bool avx2 : {true, false}) {
        const Base64Words words(text, avx2);
        for (const std::size_t min : kLengths) {
          const auto want = length >= min ? std::pair{offset, offset + length}
                                          : std::pair{Base64Words::npos, Base64Words::npos};
          const auto got = words.Next(0, min);
          if (got != want) {
            FAIL_CHECK("a word of " << length << " at " << offset << ", min " << min << " (avx2 "
                                    << avx2 << "): got " << got.first << ".." << got.second);
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 70 * 128 * 2 * static_cast<int>(std::size(kLengths)));
}

}  // namespace
}  // namespace riskgate::evaluate::secrets
