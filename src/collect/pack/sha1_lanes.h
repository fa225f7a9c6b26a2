// Stage 1 (collect): the SHA-1 of many messages at once, for hashing every blob a full-history
// sweep reads against its id. Where the CPU has AVX-512, sixteen messages are hashed side by side
// in the vector unit (collect/pack/sha1_wide.h). Where it has the SHA extensions, two: one
// message's rounds depend each on the last and leave the SHA unit idle between them, two
// interleaved use it nearly twice as well (1.8 -> 3.2 GB/s measured on an AMD machine of this
// project's). Each lane takes the next message when its own ends. Elsewhere, OpenSSL's one at a
// time. The digests are those of core::Sha1Raw (the tests hold every length to it).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace riskgate::collect::pack {

// One message: `head` (shorter than 64 bytes: a git object's "<kind> <size>\0") then `body`.
struct Sha1Message {
  std::string_view head;
  std::string_view body;
};

using Sha1Digest = std::array<char, 20>;

// How Sha1Many hashes: the fastest way this CPU has, or one named (tests compare them). A way
// the CPU lacks falls to the next slower one it has.
enum class Sha1Way {
  kFastest,
  kOneByOne,      // OpenSSL, one message at a time
  kTwoLanes,      // two SHA extension lanes
  kSixteenLanes,  // sixteen AVX-512 lanes (collect/pack/sha1_wide.h), the last few in two
  kSixteenAlone,  // sixteen AVX-512 lanes to the end, as on a CPU without the SHA extensions
};

// digests[i] = SHA-1(messages[i].head + messages[i].body); `digests` is as long as `messages`.
void Sha1Many(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests,
              Sha1Way way = Sha1Way::kFastest);

// Whether Sha1Many hashes two messages side by side on this CPU.
bool Sha1LanesAvailable();

}  // namespace riskgate::collect::pack
