// Stage 1 (collect): sixteen SHA-1 computations side by side in the 512-bit vector unit
// (AVX-512 F and BW), a 64-byte block of each per step. Where the CPU has it, a batch of many
// messages hashes at 5.0 GB/s on one core of this project's machines, against 1.7 GB/s for two
// interleaved SHA extension lanes (collect/pack/sha1_lanes.h, which schedules the messages).
#pragma once

#include <cstdint>

namespace riskgate::collect::pack {

// The states of sixteen SHA-1 computations: word k of lane j is h[k][j].
struct alignas(64) Sha1Wide {
  std::uint32_t h[5][16];
};

// Whether this CPU and its operating system run Compress16.
bool Sha1WideAvailable();

// Compresses `count` consecutive 64-byte blocks from blocks[j] into lane j for every lane whose
// bit is set in `lanes`; the other lanes keep their states, and their 64 bytes at blocks[j] are
// read `count` times (give an idle lane any 64 bytes). Call only where Sha1WideAvailable().
void Compress16(Sha1Wide& state, const unsigned char* const blocks[16], std::uint16_t lanes,
                std::uint64_t count);

}  // namespace riskgate::collect::pack
