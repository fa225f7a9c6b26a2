#include "collect/blob_kind.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace riskgate::collect {
namespace {

constexpr std::string_view kLfsVersions[] = {"version https://git-lfs.github.com/spec/v1",
                                             "version https://hawser.github.com/spec/v1"};

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '.' || c == '-'; }
bool IsValueChar(char c) { return c > ' ' && c < 0x7f; }

std::optional<std::int64_t> ParseSize(std::string_view value) {
  if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), IsDigit)) {
    return std::nullopt;
  }
  std::int64_t size = 0;
  for (char c : value) size = size * 10 + (c - '0');
  return size;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

unsigned Byte(std::string_view bytes, std::size_t i) {
  return static_cast<unsigned char>(bytes[i]);
}

bool IsPrintableAscii(unsigned b) { return b >= 0x20 && b < 0x7f; }

// Code units whose two bytes are both printable ASCII, in a row, that make a UTF-16 text
// undecodable: that is 8-bit text (a token) smuggled into a wide file, which decoding would
// turn into CJK characters no rule matches. Real UTF-16 text rarely has six such in a row.
constexpr int kMaxAsciiPairRun = 6;

std::optional<std::string> DecodeUtf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() / 2);
  int ascii_pairs = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const unsigned lo = Byte(bytes, little_endian ? i : i + 1);
    const unsigned hi = Byte(bytes, little_endian ? i + 1 : i);
    ascii_pairs = IsPrintableAscii(lo) && IsPrintableAscii(hi) ? ascii_pairs + 1 : 0;
    if (ascii_pairs >= kMaxAsciiPairRun) return std::nullopt;
    char32_t unit = static_cast<char32_t>((hi << 8) | lo);
    if (unit >= 0xdc00 && unit <= 0xdfff) return std::nullopt;  // a lone low surrogate
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i + 3 >= bytes.size()) return std::nullopt;
      const unsigned lo2 = Byte(bytes, little_endian ? i + 2 : i + 3);
      const unsigned hi2 = Byte(bytes, little_endian ? i + 3 : i + 2);
      const char32_t low = static_cast<char32_t>((hi2 << 8) | lo2);
      if (low < 0xdc00 || low > 0xdfff) return std::nullopt;
      unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      i += 2;
      ascii_pairs = 0;
    }
    AppendUtf8(unit, out);
  }
  return out;
}

std::optional<std::string> DecodeUtf32(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() / 4);
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    char32_t cp = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const std::size_t at = little_endian ? i + 3 - k : i + k;
      cp = (cp << 8) | static_cast<char32_t>(Byte(bytes, at));
    }
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return std::nullopt;
    AppendUtf8(cp, out);
  }
  return out;
}

// The local copy of an LFS object: nullopt when absent, kTooLarge past the limit.
core::Result<std::optional<core::SkipReason>> ReadLfsObject(const std::string& objects_dir,
                                                            const LfsPointer& pointer,
                                                            std::int64_t max_bytes,
                                                            std::string& out, bool& present) {
  present = false;
  if (objects_dir.empty()) return std::optional<core::SkipReason>();
  const std::string path =
      objects_dir + pointer.oid.substr(0, 2) + "/" + pointer.oid.substr(2, 2) + "/" + pointer.oid;
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::optional<core::SkipReason>();
  }
  present = true;
  if (st.st_size > max_bytes) return std::optional<core::SkipReason>(core::SkipReason::kTooLarge);
  std::ifstream in(path, std::ios::binary);
  out.resize(static_cast<std::size_t>(st.st_size));
  if (in) in.read(out.data(), static_cast<std::streamsize>(out.size()));
  if (!in || in.gcount() != static_cast<std::streamsize>(out.size())) {
    return core::MakeError(core::ErrorCode::kIo,
                           "cannot read the local Git LFS object " + pointer.oid, path);
  }
  return std::optional<core::SkipReason>();
}

}  // namespace

std::optional<LfsPointer> ParseLfsPointer(std::string_view bytes) {
  if (bytes.size() >= 1024 || bytes.empty() || bytes.back() != '\n') return std::nullopt;
  std::string_view rest = bytes;
  auto next_line = [&rest] {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    return line;
  };
  const std::string_view version = next_line();
  if (std::find(std::begin(kLfsVersions), std::end(kLfsVersions), version) ==
      std::end(kLfsVersions)) {
    return std::nullopt;
  }
  LfsPointer pointer;
  bool has_oid = false, has_size = false;
  std::string_view previous_key;
  while (!rest.empty()) {
    const std::string_view line = next_line();
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0) return std::nullopt;
    const std::string_view key = line.substr(0, space);
    const std::string_view value = line.substr(space + 1);
    if (!std::all_of(key.begin(), key.end(), IsKeyChar) || value.empty() ||
        !std::all_of(value.begin(), value.end(), IsValueChar) ||
        (!previous_key.empty() && key <= previous_key)) {
      return std::nullopt;
    }
    previous_key = key;
    if (key == "oid") {
      constexpr std::string_view kPrefix = "sha256:";
      if (!value.starts_with(kPrefix) || value.size() != kPrefix.size() + 64 ||
          !std::all_of(value.begin() + kPrefix.size(), value.end(), IsLowerHex)) {
        return std::nullopt;
      }
      pointer.oid = std::string(value.substr(kPrefix.size()));
      has_oid = true;
    } else if (key == "size") {
      auto size = ParseSize(value);
      if (!size) return std::nullopt;
      pointer.size = *size;
      has_size = true;
    } else if (!key.starts_with("ext-")) {
      return std::nullopt;
    }
  }
  if (!has_oid || !has_size) return std::nullopt;
  return pointer;
}

TextEncoding DetectEncoding(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\xff\xfe\0\0", 4))) return TextEncoding::kUtf32Le;
  if (bytes.starts_with(std::string_view("\0\0\xfe\xff", 4))) return TextEncoding::kUtf32Be;
  if (bytes.starts_with("\xff\xfe")) return TextEncoding::kUtf16Le;
  if (bytes.starts_with("\xfe\xff")) return TextEncoding::kUtf16Be;
  if (bytes.size() < 4 || bytes.size() % 2 != 0 || bytes.find('\0') == std::string_view::npos) {
    return TextEncoding::kEightBit;
  }
  std::size_t nul_even = 0, nul_odd = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\0') continue;
    (i % 2 == 0 ? nul_even : nul_odd)++;
  }
  const std::size_t pairs = bytes.size() / 2;
  if (nul_even == 0 && nul_odd * 4 >= pairs) return TextEncoding::kUtf16Le;
  if (nul_odd == 0 && nul_even * 4 >= pairs) return TextEncoding::kUtf16Be;
  return TextEncoding::kEightBit;
}

std::optional<std::string> DecodeToUtf8(std::string_view bytes, TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kEightBit:
      return std::string(bytes);
    case TextEncoding::kUtf16Le:
      return DecodeUtf16(bytes.starts_with("\xff\xfe") ? bytes.substr(2) : bytes, true);
    case TextEncoding::kUtf16Be:
      return DecodeUtf16(bytes.starts_with("\xfe\xff") ? bytes.substr(2) : bytes, false);
    case TextEncoding::kUtf32Le:
      return DecodeUtf32(bytes.substr(4), true);
    case TextEncoding::kUtf32Be:
      return DecodeUtf32(bytes.substr(4), false);
  }
  return std::nullopt;
}

bool IsTextAsIs(std::string_view bytes) {
  return DetectEncoding(bytes) == TextEncoding::kEightBit && !LooksBinary(bytes) &&
         !IsLfsPointer(bytes);
}

core::Result<ScannableText> ToScannableText(std::string bytes, const std::string& lfs_objects_dir,
                                            std::int64_t max_bytes) {
  ScannableText out;
  if (IsTextAsIs(bytes)) {
    out.text = std::move(bytes);
    return out;
  }
  if (auto pointer = ParseLfsPointer(bytes)) {
    bool present = false;
    auto read = ReadLfsObject(lfs_objects_dir, *pointer, max_bytes, out.text, present);
    if (!read) return tl::unexpected(read.error());
    if (!present || *read) {
      out.skip = present ? *read : core::SkipReason::kLfsPointer;
      out.text.clear();
      return out;
    }
    out.from_lfs_object = true;
    bytes = std::move(out.text);
    if (IsLfsPointer(bytes)) {  // a pointer to a pointer: the content is still elsewhere
      out.skip = core::SkipReason::kLfsPointer;
      out.text.clear();
      return out;
    }
  }
  const TextEncoding encoding = DetectEncoding(bytes);
  if (encoding != TextEncoding::kEightBit) {
    auto decoded = DecodeToUtf8(bytes, encoding);
    if (!decoded && !LooksBinary(bytes)) {
      out.text = std::move(bytes);  // a byte order mark on 8-bit text: scanned as it is
    } else if (!decoded) {
      out.skip = core::SkipReason::kUndecodable;
    } else if (decoded->find('\0') != std::string::npos) {
      out.skip = core::SkipReason::kBinary;
    } else {
      out.text = std::move(*decoded);
    }
  } else if (LooksBinary(bytes)) {
    out.skip = core::SkipReason::kBinary;
  } else {
    out.text = std::move(bytes);
  }
  if (out.skip) out.text.clear();
  if (out.skip == core::SkipReason::kBinary || out.skip == core::SkipReason::kUndecodable) {
    out.magic = bytes.substr(0, core::kMagicBytes);
  }
  return out;
}

}  // namespace riskgate::collect
