#include "collect/pack/zlib_stream.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <memory>
#include <new>

namespace riskgate::collect::pack {
namespace {

constexpr std::uint64_t kStep = 1u << 30;  // zlib counts in 32 bits: feed it at most 1 GiB
constexpr std::uint64_t kMinGrowth = 64 << 10;
// A header's size is a claim: at most this much is allocated ahead of what the stream produced.
constexpr std::uint64_t kTrustedAhead = 4 << 20;

struct Inflated {
  std::string bytes;
  bool ended = false;  // the stream's end (and its checksum) was reached
};

core::Result<Inflated> Error(const std::string& what) {
  return core::MakeError(core::ErrorCode::kRepository, "corrupt object: " + what);
}

// Inflates from `input` until the stream ends or `cap` bytes are out; `hint` is the expected size.
core::Result<Inflated> Inflate(std::string_view input, std::uint64_t cap, std::uint64_t hint) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return Error("zlib cannot start");
  struct End {
    z_stream* stream;
    ~End() { inflateEnd(stream); }
  } end{&stream};
  Inflated out;
  std::size_t in_pos = 0;
  while (out.bytes.size() < cap) {
    const std::uint64_t old = out.bytes.size();
    const std::uint64_t claimed = hint > old ? hint - old : 0;
    const std::uint64_t want =
        std::max({kMinGrowth, std::min(claimed, std::max(old, kTrustedAhead))});
    const std::uint64_t room = std::min({want, cap - old, kStep});
    out.bytes.resize(old + room);
    stream.next_out = reinterpret_cast<Bytef*>(out.bytes.data() + old);
    stream.avail_out = static_cast<uInt>(room);
    const std::uint64_t available = std::min<std::uint64_t>(input.size() - in_pos, kStep);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + in_pos));
    stream.avail_in = static_cast<uInt>(available);
    const int rc = inflate(&stream, Z_NO_FLUSH);
    const std::uint64_t consumed = available - stream.avail_in;
    const std::uint64_t produced = room - stream.avail_out;
    in_pos += consumed;
    out.bytes.resize(old + produced);
    if (rc == Z_STREAM_END) {
      out.ended = true;
      return out;
    }
    if (rc == Z_BUF_ERROR && consumed == 0 && produced == 0) {
      if (in_pos >= input.size()) return Error("the zlib stream is cut short");
      continue;
    }
    if (rc != Z_OK) {
      return Error(std::string("zlib: ") + (stream.msg != nullptr ? stream.msg : "invalid data"));
    }
    if (consumed == 0 && produced == 0 && in_pos >= input.size()) {
      return Error("the zlib stream is cut short");
    }
  }
  return out;
}

// libdeflate's decompressor for this thread (it holds no state between calls).
libdeflate_decompressor* ThreadDecompressor() {
  struct Free {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  thread_local const std::unique_ptr<libdeflate_decompressor, Free> decompressor(
      libdeflate_alloc_decompressor());
  return decompressor.get();
}

}  // namespace

core::Result<std::string> InflateExactly(std::string_view input, std::uint64_t size) {
  // A size the header claims is allocated whole only up to kTrustedAhead: then libdeflate
  // inflates the stream in one call (about twice zlib's speed; it checks the Adler-32 as zlib
  // does), and input after the stream's end is left alone as zlib leaves it.
  if (size <= kTrustedAhead) {
    if (libdeflate_decompressor* decompressor = ThreadDecompressor()) {
      std::string out(size, '\0');
      std::size_t produced = 0;
      const libdeflate_result rc = libdeflate_zlib_decompress_ex(
          decompressor, input.data(), input.size(), out.data(), out.size(), nullptr, &produced);
      if (rc == LIBDEFLATE_SUCCESS && produced == size) return out;
      return core::MakeError(core::ErrorCode::kRepository,
                             rc == LIBDEFLATE_SUCCESS || rc == LIBDEFLATE_INSUFFICIENT_SPACE
                                 ? "corrupt object: its zlib stream does not hold the " +
                                       std::to_string(size) + " bytes its header gives"
                                 : std::string("corrupt object: invalid zlib stream"));
    }
  }
  auto inflated = Inflate(input, size + 1, size + 1);
  if (!inflated) return tl::unexpected(inflated.error());
  if (!inflated->ended || inflated->bytes.size() != size) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "corrupt object: its zlib stream does not hold the " +
                               std::to_string(size) + " bytes its header gives");
  }
  return std::move(inflated->bytes);
}

std::string DeflateOwn(std::string_view input) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  const std::unique_ptr<libdeflate_compressor, Free> compressor(libdeflate_alloc_compressor(9));
  if (compressor == nullptr) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(compressor.get(), input.size()), '\0');
  out.resize(libdeflate_zlib_compress(compressor.get(), input.data(), input.size(), out.data(),
                                      out.size()));
  return out;
}

core::Result<std::string> InflateOwn(std::string_view input, std::uint64_t size) {
  libdeflate_decompressor* decompressor = ThreadDecompressor();
  if (decompressor == nullptr) throw std::bad_alloc();
  std::string out(size, '\0');
  std::size_t produced = 0;
  if (libdeflate_zlib_decompress_ex(decompressor, input.data(), input.size(), out.data(),
                                    out.size(), nullptr, &produced) != LIBDEFLATE_SUCCESS ||
      produced != size) {
    return core::MakeError(core::ErrorCode::kInternal, "an embedded image does not inflate");
  }
  return out;
}

core::Result<std::string> InflatePrefix(std::string_view input, std::size_t limit) {
  auto inflated = Inflate(input, limit, limit);
  if (!inflated) return tl::unexpected(inflated.error());
  return std::move(inflated->bytes);
}

core::Result<std::string> InflateAll(std::string_view input, std::uint64_t max_size) {
  auto inflated = Inflate(input, max_size + 1, 0);
  if (!inflated) return tl::unexpected(inflated.error());
  if (inflated->bytes.size() > max_size) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "object larger than " + std::to_string(max_size) + " bytes");
  }
  if (!inflated->ended) return core::MakeError(core::ErrorCode::kRepository, "corrupt object");
  return std::move(inflated->bytes);
}

}  // namespace riskgate::collect::pack
