// Stage 1 (collect): the SHA-1 of many messages at once, for hashing every blob a full-history
// sweep reads against its id. Where the CPU has the SHA extensions, two messages are hashed side
// by side: one message's rounds depend each on the last and leave the SHA unit idle between
// them, two interleaved use it nearly twice as well (1.8 -> 3.2 GB/s measured on this project's
// machines). Each lane takes the next message when its own ends. Elsewhere, OpenSSL's one at a
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

// digests[i] = SHA-1(messages[i].head + messages[i].body); `digests` is as long as `messages`.
// `allow_lanes`: false hashes one message at a time with OpenSSL (tests compare the two).
void Sha1Many(std::span<const Sha1Message> messages, std::span<Sha1Digest> digests,
              bool allow_lanes = true);

// Whether Sha1Many hashes two messages side by side on this CPU.
bool Sha1LanesAvailable();

}  // namespace riskgate::collect::pack
