#include "collect/pack/sha1_wide.h"

#if defined(__x86_64__)
#include <immintrin.h>
// g++ 12's AVX-512 headers start some results from _mm512_undefined_epi32(), which it then
// reports as used uninitialized when inlined (GCC bug 105593).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#endif

namespace riskgate::collect::pack {

#if defined(__x86_64__)

namespace {

// The compiler's runtime checks the CPU and that the operating system saves the AVX-512 state.
bool CpuRunsAvx512() {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
}

#define RISKGATE_WIDE __attribute__((target("avx512f,avx512bw")))

// The sixteen blocks' words, word t of every lane in w[t]: sixteen rows of sixteen 32-bit words
// transposed (pairs of words, then pairs of pairs, then 128-bit quarters twice), each word
// read big-endian.
RISKGATE_WIDE inline void LoadWords(const unsigned char* const blocks[16], __m512i w[16]) {
  __m512i r[16];
  __m512i t[16];
  for (int i = 0; i < 16; ++i) r[i] = _mm512_loadu_si512(blocks[i]);
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_epi32(r[i], r[i + 1]);
    t[i + 1] = _mm512_unpackhi_epi32(r[i], r[i + 1]);
  }
  for (int i = 0; i < 16; i += 4) {
    r[i] = _mm512_unpacklo_epi64(t[i], t[i + 2]);
    r[i + 1] = _mm512_unpackhi_epi64(t[i], t[i + 2]);
    r[i + 2] = _mm512_unpacklo_epi64(t[i + 1], t[i + 3]);
    r[i + 3] = _mm512_unpackhi_epi64(t[i + 1], t[i + 3]);
  }
  for (int i = 0; i < 4; ++i) {
    t[i] = _mm512_shuffle_i32x4(r[i], r[i + 4], 0x88);
    t[i + 4] = _mm512_shuffle_i32x4(r[i], r[i + 4], 0xDD);
    t[i + 8] = _mm512_shuffle_i32x4(r[i + 8], r[i + 12], 0x88);
    t[i + 12] = _mm512_shuffle_i32x4(r[i + 8], r[i + 12], 0xDD);
  }
  for (int i = 0; i < 4; ++i) {
    r[i] = _mm512_shuffle_i32x4(t[i], t[i + 8], 0x88);
    r[i + 8] = _mm512_shuffle_i32x4(t[i], t[i + 8], 0xDD);
    r[i + 4] = _mm512_shuffle_i32x4(t[i + 4], t[i + 12], 0x88);
    r[i + 12] = _mm512_shuffle_i32x4(t[i + 4], t[i + 12], 0xDD);
  }
  const __m512i big_endian = _mm512_set4_epi32(0x0c0d0e0f, 0x08090a0b, 0x04050607, 0x00010203);
  for (int i = 0; i < 16; ++i) w[i] = _mm512_shuffle_epi8(r[i], big_endian);
}

// Rounds kFrom..kFrom+19: each round's word (from the sixteen before it past the first
// sixteen), its function of b, c and d as one three-input logic instruction (kFunction, the
// truth table), then a = rol(a, 5) + f + e + K + w. Constants as template arguments: the
// instruction takes its table as an immediate.
template <int kFrom, int kFunction, std::uint32_t kConstant>
RISKGATE_WIDE inline void Rounds(__m512i w[16], __m512i& a, __m512i& b, __m512i& c, __m512i& d,
                                 __m512i& e) {
  const __m512i k = _mm512_set1_epi32(static_cast<int>(kConstant));
#pragma GCC unroll 20
  for (int i = kFrom; i < kFrom + 20; ++i) {
    __m512i word = w[i & 15];
    if (i >= 16) {
      word = _mm512_rol_epi32(
          _mm512_xor_si512(
              _mm512_ternarylogic_epi32(w[(i - 3) & 15], w[(i - 8) & 15], w[(i - 14) & 15], 0x96),
              w[i & 15]),
          1);
      w[i & 15] = word;
    }
    const __m512i f = _mm512_ternarylogic_epi32(b, c, d, kFunction);
    const __m512i next = _mm512_add_epi32(_mm512_add_epi32(_mm512_rol_epi32(a, 5), f),
                                          _mm512_add_epi32(_mm512_add_epi32(e, k), word));
    e = d;
    d = c;
    c = _mm512_rol_epi32(b, 30);
    b = a;
    a = next;
  }
}

}  // namespace

bool Sha1WideAvailable() {
  static const bool available = CpuRunsAvx512();
  return available;
}

RISKGATE_WIDE void Compress16(Sha1Wide& state, const unsigned char* const blocks[16],
                              std::uint16_t lanes, std::uint64_t count) {
  __m512i h[5];
  for (int k = 0; k < 5; ++k) h[k] = _mm512_load_si512(state.h[k]);
  for (std::uint64_t block = 0; block < count; ++block) {
    const unsigned char* from[16];
    for (int j = 0; j < 16; ++j) from[j] = blocks[j] + ((lanes >> j) & 1 ? 64 * block : 0);
    __m512i w[16];
    LoadWords(from, w);
    __m512i a = h[0];
    __m512i b = h[1];
    __m512i c = h[2];
    __m512i d = h[3];
    __m512i e = h[4];
    Rounds<0, 0xCA, 0x5A827999>(w, a, b, c, d, e);   // choose
    Rounds<20, 0x96, 0x6ED9EBA1>(w, a, b, c, d, e);  // parity
    Rounds<40, 0xE8, 0x8F1BBCDC>(w, a, b, c, d, e);  // majority
    Rounds<60, 0x96, 0xCA62C1D6>(w, a, b, c, d, e);  // parity
    const __m512i sums[5] = {a, b, c, d, e};
    for (int k = 0; k < 5; ++k) h[k] = _mm512_mask_add_epi32(h[k], lanes, h[k], sums[k]);
  }
  for (int k = 0; k < 5; ++k) _mm512_store_si512(state.h[k], h[k]);
}

#undef RISKGATE_WIDE

#else

bool Sha1WideAvailable() { return false; }

void Compress16(Sha1Wide&, const unsigned char* const[16], std::uint16_t, std::uint64_t) {}

#endif

}  // namespace riskgate::collect::pack
