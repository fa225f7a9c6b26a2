#include "collect/pack/sha1_lanes.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "collect/pack/sha1_wide.h"
#include "core/text.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace riskgate::collect::pack {
namespace {

void HashOneByOne(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests) {
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const std::string digest = core::Sha1Raw({messages[i].head, messages[i].body});
    std::memcpy(digests[i].data(), digest.data(), digests[i].size());
  }
}

#if defined(__x86_64__)

constexpr std::uint32_t kInitial[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};

// The 64-byte blocks of one padded message, as runs: the first block (head and the body's
// first bytes, copied), the body's whole blocks (read where they are), the last one or two
// (the body's last bytes, the 0x80 byte, zeros, the length in bits; copied).
class Blocks {
 public:
  explicit Blocks(const Sha1Message& message) : message_(message) {
    const std::uint64_t total = message.head.size() + message.body.size();
    std::uint64_t tail_from = 0;  // where the copied last blocks start in the message
    if (total >= 64) {
      Copy(first_, 0, 64);
      middle_ = (total - 64) / 64;
      tail_from = 64 + 64 * middle_;
      phase_ = kFirst;
    } else {
      phase_ = kTail;
    }
    const auto rest = static_cast<std::size_t>(total - tail_from);
    Copy(tail_, tail_from, rest);
    tail_[rest] = static_cast<unsigned char>(0x80);
    tail_blocks_ = rest + 1 + 8 <= 64 ? 1 : 2;
    std::memset(tail_ + rest + 1, 0, 64 * tail_blocks_ - rest - 1);
    const std::uint64_t bits = total * 8;
    for (int k = 0; k < 8; ++k) {
      tail_[64 * tail_blocks_ - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
    }
  }

  bool done() const { return phase_ == kDone; }
  // The next run of consecutive blocks: where it starts, and how many.
  std::pair<const unsigned char*, std::uint64_t> Run() const {
    switch (phase_) {
      case kFirst:
        return {first_, 1};
      case kMiddle:
        return {reinterpret_cast<const unsigned char*>(message_.body.data()) +
                    (64 - message_.head.size()) + 64 * middle_at_,
                middle_ - middle_at_};
      case kTail:
        return {tail_ + 64 * tail_at_, tail_blocks_ - tail_at_};
      case kDone:
        break;
    }
    return {nullptr, 0};
  }
  void Advance(std::uint64_t blocks) {
    switch (phase_) {
      case kFirst:
        phase_ = middle_ > 0 ? kMiddle : kTail;
        return;
      case kMiddle:
        middle_at_ += blocks;
        if (middle_at_ == middle_) phase_ = kTail;
        return;
      case kTail:
        tail_at_ += static_cast<int>(blocks);
        if (tail_at_ == tail_blocks_) phase_ = kDone;
        return;
      case kDone:
        return;
    }
  }

 private:
  enum Phase { kFirst, kMiddle, kTail, kDone };

  // Bytes [from, from + n) of the message (head, then body) to `out`.
  void Copy(unsigned char* out, std::uint64_t from, std::size_t n) const {
    const std::string_view head = message_.head;
    while (n > 0 && from < head.size()) {
      *out++ = static_cast<unsigned char>(head[from++]);
      --n;
    }
    if (n > 0) std::memcpy(out, message_.body.data() + (from - head.size()), n);
  }

  Sha1Message message_;
  Phase phase_ = kFirst;
  std::uint64_t middle_ = 0;
  std::uint64_t middle_at_ = 0;
  int tail_blocks_ = 1;
  int tail_at_ = 0;
  unsigned char first_[64];
  unsigned char tail_[128];
};

// Four rounds of block `i` (0..19) in one lane: the message word w[i % 4] extended from the
// four before it, then sha1nexte (E from the state before the previous four rounds) and
// sha1rnds4.
// clang-format off
#define RISKGATE_SHA1_SCHEDULE(w, i)                                                   \
  if ((i) >= 4) {                                                                      \
    w[(i) & 3] = _mm_sha1msg2_epu32(                                                   \
        _mm_xor_si128(_mm_sha1msg1_epu32(w[(i) & 3], w[((i) + 1) & 3]), w[((i) + 2) & 3]), \
        w[((i) + 3) & 3]);                                                             \
  }
#define RISKGATE_SHA1_ROUNDS(abcd, e, prev, w, i)          \
  if ((i) > 0) e = _mm_sha1nexte_epu32(prev, w[(i) & 3]); \
  prev = abcd;                                             \
  abcd = _mm_sha1rnds4_epu32(abcd, e, (i) / 5);
#define RISKGATE_SHA1_ALL(STEP)                                                 \
  STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7) STEP(8) STEP(9) \
  STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15) STEP(16) STEP(17) STEP(18) STEP(19)
// clang-format on

struct Lane {
  __m128i abcd;
  __m128i e;
};

__attribute__((target("sha,sse4.1,ssse3"))) inline __m128i ByteSwapMask() {
  return _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
}

// A lane holding the state h0..h4 (the initial one, or where the wide lanes left a message).
__attribute__((target("sha,sse4.1,ssse3"))) Lane StartFrom(const std::uint32_t (&h)[5]) {
  return Lane{_mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)), 0x1B),
              _mm_set_epi32(static_cast<int>(h[4]), 0, 0, 0)};
}

void WriteDigest(const std::uint32_t (&h)[5], Sha1Digest& digest) {
  for (int k = 0; k < 5; ++k) {
    for (int j = 0; j < 4; ++j) digest[4 * k + j] = static_cast<char>(h[k] >> (24 - 8 * j));
  }
}

__attribute__((target("sha,sse4.1,ssse3"))) void Finish(const Lane& lane, Sha1Digest& digest) {
  std::uint32_t state[5];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_shuffle_epi32(lane.abcd, 0x1B));
  state[4] = static_cast<std::uint32_t>(_mm_extract_epi32(lane.e, 3));
  WriteDigest(state, digest);
}

__attribute__((target("sha,sse4.1,ssse3"))) void Compress1(Lane& lane, const unsigned char* p,
                                                           std::uint64_t blocks) {
  const __m128i mask = ByteSwapMask();
  __m128i abcd = lane.abcd;
  __m128i e0 = lane.e;
  for (; blocks > 0; --blocks, p += 64) {
    const __m128i abcd_save = abcd;
    const __m128i e_save = e0;
    __m128i w[4];
    for (int k = 0; k < 4; ++k) {
      w[k] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k)), mask);
    }
    __m128i e = _mm_add_epi32(e0, w[0]);
    __m128i prev = abcd;
#define RISKGATE_STEP1(i) RISKGATE_SHA1_SCHEDULE(w, i) RISKGATE_SHA1_ROUNDS(abcd, e, prev, w, i)
    RISKGATE_SHA1_ALL(RISKGATE_STEP1)
#undef RISKGATE_STEP1
    e0 = _mm_sha1nexte_epu32(prev, e_save);
    abcd = _mm_add_epi32(abcd, abcd_save);
  }
  lane = Lane{abcd, e0};
}

__attribute__((target("sha,sse4.1,ssse3"))) void Compress2(Lane& a, const unsigned char* pa,
                                                           Lane& b, const unsigned char* pb,
                                                           std::uint64_t blocks) {
  const __m128i mask = ByteSwapMask();
  __m128i abcd_a = a.abcd;
  __m128i e0_a = a.e;
  __m128i abcd_b = b.abcd;
  __m128i e0_b = b.e;
  for (; blocks > 0; --blocks, pa += 64, pb += 64) {
    const __m128i save_a = abcd_a;
    const __m128i esave_a = e0_a;
    const __m128i save_b = abcd_b;
    const __m128i esave_b = e0_b;
    __m128i wa[4];
    __m128i wb[4];
    for (int k = 0; k < 4; ++k) {
      wa[k] =
          _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(pa + 16 * k)), mask);
      wb[k] =
          _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(pb + 16 * k)), mask);
    }
    __m128i ea = _mm_add_epi32(e0_a, wa[0]);
    __m128i eb = _mm_add_epi32(e0_b, wb[0]);
    __m128i prev_a = abcd_a;
    __m128i prev_b = abcd_b;
// clang-format off
#define RISKGATE_STEP2(i)                                                                  \
  RISKGATE_SHA1_SCHEDULE(wa, i) RISKGATE_SHA1_SCHEDULE(wb, i)                              \
  RISKGATE_SHA1_ROUNDS(abcd_a, ea, prev_a, wa, i) RISKGATE_SHA1_ROUNDS(abcd_b, eb, prev_b, wb, i)
    // clang-format on
    RISKGATE_SHA1_ALL(RISKGATE_STEP2)
#undef RISKGATE_STEP2
    e0_a = _mm_sha1nexte_epu32(prev_a, esave_a);
    abcd_a = _mm_add_epi32(abcd_a, save_a);
    e0_b = _mm_sha1nexte_epu32(prev_b, esave_b);
    abcd_b = _mm_add_epi32(abcd_b, save_b);
  }
  a = Lane{abcd_a, e0_a};
  b = Lane{abcd_b, e0_b};
}

#undef RISKGATE_SHA1_SCHEDULE
#undef RISKGATE_SHA1_ROUNDS
#undef RISKGATE_SHA1_ALL

// A message the wide lanes started: its state so far and the blocks it has left.
struct Started {
  std::size_t index = 0;
  std::uint32_t h[5] = {};
  Blocks blocks;
};

bool IsGitHeader(const Sha1Message& message) { return message.head.size() < 64; }

// Two lanes, each taking the next message when its own ends: first those `started` (the wide
// lanes' last ones), then messages[next...].
void HashInLanes(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests,
                 std::size_t next = 0, std::span<const Started> started = {}) {
  struct Slot {
    std::size_t index = 0;
    Lane lane{};
    std::optional<Blocks> blocks;
  };
  Slot slots[2];
  const auto take = [&](Slot& slot) {
    if (slot.blocks) Finish(slot.lane, digests[slot.index]);
    slot.blocks.reset();
    if (!started.empty()) {
      slot.index = started.front().index;
      slot.lane = StartFrom(started.front().h);
      slot.blocks.emplace(started.front().blocks);
      started = started.subspan(1);
      return;
    }
    for (; next < messages.size() && !slot.blocks; ++next) {
      if (!IsGitHeader(messages[next])) {  // one at a time
        HashOneByOne(messages.subspan(next, 1), digests.subspan(next, 1));
        continue;
      }
      slot.index = next;
      slot.lane = StartFrom(kInitial);
      slot.blocks.emplace(messages[next]);
    }
  };
  take(slots[0]);
  take(slots[1]);
  while (slots[0].blocks || slots[1].blocks) {
    if (slots[0].blocks && slots[1].blocks) {
      const auto [pa, na] = slots[0].blocks->Run();
      const auto [pb, nb] = slots[1].blocks->Run();
      const std::uint64_t n = std::min(na, nb);
      Compress2(slots[0].lane, pa, slots[1].lane, pb, n);
      slots[0].blocks->Advance(n);
      slots[1].blocks->Advance(n);
    } else {
      Slot& only = slots[0].blocks ? slots[0] : slots[1];
      const auto [p, n] = only.blocks->Run();
      Compress1(only.lane, p, n);
      only.blocks->Advance(n);
    }
    for (Slot& slot : slots) {
      if (slot.blocks && slot.blocks->done()) take(slot);
    }
  }
}

// Lane j's state h0..h4.
void LaneState(const Sha1Wide& state, int j, std::uint32_t (&h)[5]) {
  for (int k = 0; k < 5; ++k) h[k] = state.h[k][j];
}

// Sixteen lanes in the vector unit (collect/pack/sha1_wide.h), longest messages first, each lane
// taking the next message when its own ends. One call compresses a block of every lane, busy or
// not, so when nothing is left to start and few lanes are still busy (a call costs about as
// much as six blocks hashed with the SHA extensions here) their messages go on in two SHA
// extension lanes, where the CPU has them.
void HashWide(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests,
              bool hand_over) {
  constexpr int kHandOver = 5;
  hand_over = hand_over && Sha1LanesAvailable();
  // A range check verifies its objects one by one: straight to the SHA extensions.
  if (hand_over && messages.size() <= kHandOver) return HashInLanes(messages, digests);
  std::vector<std::size_t> order;
  order.reserve(messages.size());
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (IsGitHeader(messages[i])) {
      order.push_back(i);
    } else {
      HashOneByOne(messages.subspan(i, 1), digests.subspan(i, 1));
    }
  }
  const auto length = [&](std::size_t i) {
    return messages[i].head.size() + messages[i].body.size();
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return length(x) > length(y); });
  static const unsigned char kIdle[64] = {};
  Sha1Wide state{};
  std::optional<Blocks> blocks[16];
  std::size_t index[16] = {};
  std::size_t next = 0;
  for (;;) {
    std::uint16_t busy = 0;
    for (int j = 0; j < 16; ++j) {
      if (!blocks[j] && next < order.size()) {
        index[j] = order[next++];
        blocks[j].emplace(messages[index[j]]);
        for (int k = 0; k < 5; ++k) state.h[k][j] = kInitial[k];
      }
      if (blocks[j]) busy = static_cast<std::uint16_t>(busy | (1u << j));
    }
    if (busy == 0) return;
    if (hand_over && next == order.size() && std::popcount(busy) <= kHandOver) {
      std::vector<Started> started;
      for (int j = 0; j < 16; ++j) {
        if (!blocks[j]) continue;
        Started one{index[j], {}, *blocks[j]};
        LaneState(state, j, one.h);
        started.push_back(std::move(one));
      }
      return HashInLanes(messages, digests, messages.size(), started);
    }
    // As many blocks as every busy lane has in a row.
    const unsigned char* from[16];
    std::uint64_t run = UINT64_MAX;
    for (int j = 0; j < 16; ++j) {
      from[j] = kIdle;
      if (!blocks[j]) continue;
      const auto [p, n] = blocks[j]->Run();
      from[j] = p;
      run = std::min(run, n);
    }
    for (auto& lane : blocks) {
      if (lane) lane->Advance(run);
    }
    Compress16(state, from, busy, run);
    for (int j = 0; j < 16; ++j) {
      if (!blocks[j] || !blocks[j]->done()) continue;
      std::uint32_t h[5];
      LaneState(state, j, h);
      WriteDigest(h, digests[index[j]]);
      blocks[j].reset();
    }
  }
}

bool CpuHasShaExtensions() {
  unsigned eax = 0;
  unsigned ebx = 0;
  unsigned ecx = 0;
  unsigned edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool ssse3 = (ecx & (1u << 9)) != 0;
  const bool sse41 = (ecx & (1u << 19)) != 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool sha = (ebx & (1u << 29)) != 0;
  return ssse3 && sse41 && sha;
}

#endif

}  // namespace

bool Sha1LanesAvailable() {
#if defined(__x86_64__)
  static const bool available = CpuHasShaExtensions();
  return available;
#else
  return false;
#endif
}

void Sha1Many(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests, Sha1Way way) {
#if defined(__x86_64__)
  const bool wide =
      way == Sha1Way::kFastest || way == Sha1Way::kSixteenLanes || way == Sha1Way::kSixteenAlone;
  // Without the SHA extensions to finish the last few, sixteen lanes serve only a batch (a
  // lone message would leave fifteen idle beside it).
  const bool few = way == Sha1Way::kFastest && !Sha1LanesAvailable() && messages.size() < 8;
  if (wide && !few && Sha1WideAvailable()) {
    return HashWide(messages, digests, way != Sha1Way::kSixteenAlone);
  }
  if (way != Sha1Way::kOneByOne && Sha1LanesAvailable()) return HashInLanes(messages, digests);
#endif
  HashOneByOne(messages, digests);
}

}  // namespace riskgate::collect::pack
