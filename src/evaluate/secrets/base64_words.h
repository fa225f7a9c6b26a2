// Stage 3 (evaluate): where a text holds long words of base64 bytes (A-Z a-z 0-9 + / - _),
// the first step of decoding encoded spans (secrets/span_decoder.cc), which reads every byte of
// every blob a full-history audit sweeps. The bytes are classified 32 or 16 at a time (AVX2 or
// SSE2 where the CPU has it, a table elsewhere) into one bit a byte, and a 64-byte block where
// no word of the length asked for starts is passed over with a few word operations (first: does
// it hold the one or two whole bytes of set bits such a word must hold?): most text is words
// much shorter than a base64 token (24 characters and more).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace riskgate::evaluate::secrets {

class Base64Words {
 public:
  // Classifies `text` (which must outlive the object): 32 bytes an instruction where the CPU has
  // AVX2 and `allow_avx2` (tests turn it off to check the other way), else 16 (SSE2) or one.
  explicit Base64Words(std::string_view text, bool allow_avx2 = true);

  // The first word at least `min` (>= 1) long that starts at `from` or later, a word counting
  // only its bytes from `from` on: [begin, end) with end the first byte after it that is no
  // base64 byte; {npos, npos} when there is none.
  std::pair<std::size_t, std::size_t> Next(std::size_t from, std::size_t min) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  // Bit k of word w: whether byte 64w + k is a base64 byte (bits past the end are clear).
  std::uint64_t Bits(std::size_t w) const { return w < bits_.size() ? bits_[w] : 0; }
  // The first clear bit at `from` or later (the text's size when none).
  std::size_t NextClear(std::size_t from) const;
  // Bits of word w where a run of at least `min` set bits starts (min <= 64).
  std::uint64_t Starts(std::size_t w, std::size_t min) const;

  std::size_t size_ = 0;
  std::vector<std::uint64_t> bits_;
};

}  // namespace riskgate::evaluate::secrets
