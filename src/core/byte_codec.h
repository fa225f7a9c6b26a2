// Stage 0 (core): the little-endian byte layout of the images the build writes and the binary
// embeds (the rule pack, prebuilt Hyperscan databases): fixed-width numbers and
// length-prefixed strings, written into a string and read back with every length checked
// against the bytes that are left.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace riskgate::core {

class ByteWriter {
 public:
  void U32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((value >> (8 * i)) & 0xff);
  }
  void U64(std::uint64_t value) {
    U32(static_cast<std::uint32_t>(value));
    U32(static_cast<std::uint32_t>(value >> 32));
  }
  // A string: its length (four bytes), then its bytes.
  void Str(std::string_view text) {
    U32(static_cast<std::uint32_t>(text.size()));
    out_ += text;
  }
  // Bytes of any length: their length (eight bytes), then the bytes.
  void Blob(std::string_view bytes) {
    U64(bytes.size());
    out_ += bytes;
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool U32(std::uint32_t& value) {
    if (in_.size() - pos_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    }
    pos_ += 4;
    return true;
  }
  bool U64(std::uint64_t& value) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    if (!U32(low) || !U32(high)) return false;
    value = (static_cast<std::uint64_t>(high) << 32) | low;
    return true;
  }
  bool Str(std::string& value) {
    std::string_view view;
    if (!StrView(view)) return false;
    value.assign(view);
    return true;
  }
  // A string as a view into the input.
  bool StrView(std::string_view& value) {
    std::uint32_t size = 0;
    return U32(size) && Take(size, value);
  }
  // Bytes written by ByteWriter::Blob, as a view into the input.
  bool Blob(std::string_view& value) {
    std::uint64_t size = 0;
    return U64(size) && Take(size, value);
  }
  // A count of items that take at least four bytes each, never more than the bytes left.
  bool Count(std::uint32_t& count) { return U32(count) && count <= (in_.size() - pos_) / 4; }
  // Whether the input starts with `magic` (then read past it).
  bool Magic(std::string_view magic) {
    if (pos_ != 0 || !in_.starts_with(magic)) return false;
    pos_ = magic.size();
    return true;
  }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  bool Take(std::uint64_t size, std::string_view& value) {
    if (in_.size() - pos_ < size) return false;
    value = in_.substr(pos_, static_cast<std::size_t>(size));
    pos_ += static_cast<std::size_t>(size);
    return true;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace riskgate::core
