#include "evaluate/secrets/base64_words.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace riskgate::evaluate::secrets {
namespace {

bool IsBase64Byte(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '-' || c == '_';
}

#if defined(__SSE2__)
// 16 bytes' base64 bits: x in [lo, lo + width] is min(x - lo, width) == x - lo, unsigned.
unsigned Base64Mask16(const char* at) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const auto in_range = [](__m128i x, char lo, char width) {
    const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(width)), shifted);
  };
  // A-Z and a-z at once: setting 0x20 maps one onto the other and nothing else onto them.
  const __m128i letters = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
  const __m128i digits = in_range(v, '0', 9);
  const __m128i symbols = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('+')), _mm_cmpeq_epi8(v, _mm_set1_epi8('/'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letters, digits), symbols)));
}
#endif

#if defined(__x86_64__)
// The same classification, 32 bytes an instruction (AVX2, where the CPU has it).
__attribute__((target("avx2"))) std::uint32_t Base64Mask32(const char* at) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
  const __m256i letters_at =
      _mm256_sub_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('a'));
  const __m256i letters =
      _mm256_cmpeq_epi8(_mm256_min_epu8(letters_at, _mm256_set1_epi8(25)), letters_at);
  const __m256i digits_at = _mm256_sub_epi8(v, _mm256_set1_epi8('0'));
  const __m256i digits =
      _mm256_cmpeq_epi8(_mm256_min_epu8(digits_at, _mm256_set1_epi8(9)), digits_at);
  const __m256i symbols =
      _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('+')),
                                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('/'))),
                      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('-')),
                                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_'))));
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(letters, digits), symbols)));
}

// Bits of `blocks` whole 64-byte blocks of `text`.
__attribute__((target("avx2"))) void ClassifyBlocksAvx2(const char* text, std::size_t blocks,
                                                        std::uint64_t* bits) {
  for (std::size_t w = 0; w < blocks; ++w) {
    bits[w] = std::uint64_t{Base64Mask32(text + 64 * w)} |
              (std::uint64_t{Base64Mask32(text + 64 * w + 32)} << 32);
  }
}
#endif

// Bit 7 of each byte of `x` that is 0xff (all eight bytes of the text base64), exactly.
std::uint64_t FullBytes(std::uint64_t x) {
  constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  const std::uint64_t y = ~x;
  return ~(((y & kLow7) + kLow7) | y | kLow7);
}

// False only where no run of at least `min` set bits can start in `x` (bits of the next word
// in `next`): a run of 15 or more holds a whole aligned byte, one of 23 or more two in a row,
// within its first bits. Most text's blocks have neither, and Starts is not worked out there.
bool MayStart(std::uint64_t x, std::uint64_t next, std::size_t min) {
  if (min < 15) return true;
  const std::uint64_t fx = FullBytes(x);
  const std::uint64_t fy = FullBytes(next) & 0x8080;  // a run starting in x reaches byte 1 at most
  if (min < 23) return (fx | fy) != 0;
  return ((fx & (fx >> 8)) | ((fx >> 56) & fy) | (fy & (fy >> 8))) != 0;
}

}  // namespace

Base64Words::Base64Words(std::string_view text, bool allow_avx2)
    : size_(text.size()), bits_((text.size() + 63) / 64) {
  const std::size_t blocks = text.size() / 64;
  std::size_t i = 0;
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2 && allow_avx2) {
    ClassifyBlocksAvx2(text.data(), blocks, bits_.data());
    i = blocks * 64;
  }
#endif
#if defined(__SSE2__)
  for (; i + 64 <= text.size(); i += 64) {
    std::uint64_t word = 0;
    for (std::size_t k = 0; k < 64; k += 16) {
      word |= std::uint64_t{Base64Mask16(text.data() + i + k)} << k;
    }
    bits_[i / 64] = word;
  }
#endif
  for (; i < text.size(); ++i) {
    if (IsBase64Byte(static_cast<unsigned char>(text[i])))
      bits_[i / 64] |= std::uint64_t{1} << (i % 64);
  }
}

std::size_t Base64Words::NextClear(std::size_t from) const {
  for (std::size_t w = from / 64; w * 64 < size_; ++w) {
    std::uint64_t clear = ~bits_[w];
    if (w == from / 64) clear &= ~std::uint64_t{0} << (from % 64);
    if (clear != 0)
      return std::min(size_, w * 64 + static_cast<std::size_t>(std::countr_zero(clear)));
  }
  return size_;
}

std::uint64_t Base64Words::Starts(std::size_t w, std::size_t min) const {
  // Bit k of `run[b]`: bits k .. k + 2^b - 1 all set, over this word and the next.
  __extension__ typedef unsigned __int128 Wide;
  Wide x = Wide{Bits(w)} | (Wide{Bits(w + 1)} << 64);
  Wide result = ~Wide{0};
  std::size_t offset = 0;
  for (std::size_t length = 1; length <= min; length <<= 1) {
    if ((min & length) != 0) {
      result &= x >> offset;
      offset += length;
    }
    x &= x >> length;
  }
  return static_cast<std::uint64_t>(result);
}

std::pair<std::size_t, std::size_t> Base64Words::Next(std::size_t from, std::size_t min) const {
  if (min == 0) min = 1;
  if (min > 64) {
    // Longer than a block: the words in turn.
    for (std::size_t at = from; at < size_;) {
      while (at < size_ && (Bits(at / 64) >> (at % 64) & 1) == 0) ++at;
      if (at >= size_) break;
      const std::size_t end = NextClear(at);
      if (end - at >= min) return {at, end};
      at = end;
    }
    return {npos, npos};
  }
  for (std::size_t w = from / 64; w * 64 < size_; ++w) {
    if (!MayStart(Bits(w), Bits(w + 1), min)) continue;
    std::uint64_t starts = Starts(w, min);
    if (w == from / 64) starts &= ~std::uint64_t{0} << (from % 64);
    if (starts == 0) continue;
    const std::size_t begin = w * 64 + static_cast<std::size_t>(std::countr_zero(starts));
    return {begin, NextClear(begin)};
  }
  return {npos, npos};
}

}  // namespace riskgate::evaluate::secrets
