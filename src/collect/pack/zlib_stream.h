// Stage 1 (collect): inflating the zlib streams git stores objects in (pack entries, loose
// objects), with libdeflate where the whole output may be allocated at once and zlib's streaming
// elsewhere. The only file of the pack reader that includes either. Every output is bounded: a
// stream that would produce more than asked for is an error, never a large allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::collect::pack {

// Inflates the zlib stream at the start of `input`, which must produce exactly `size` bytes and
// end there (a pack entry: its header gives the size). Input after the stream's end is ignored.
core::Result<std::string> InflateExactly(std::string_view input, std::uint64_t size);

// Inflates the first `limit` bytes or fewer of the stream (what a loose object's header needs);
// `out` gets what was produced. Never reads past the stream's end.
core::Result<std::string> InflatePrefix(std::string_view input, std::size_t limit);

// Inflates the whole stream, refusing to produce more than `max_size` bytes.
core::Result<std::string> InflateAll(std::string_view input, std::uint64_t max_size);

// For the binary's own images (not a repository's bytes): `input` as a zlib stream, and back,
// where `size` is trusted and allocated whole (the stream must produce exactly that much).
std::string DeflateOwn(std::string_view input);
core::Result<std::string> InflateOwn(std::string_view input, std::uint64_t size);

}  // namespace riskgate::collect::pack
