// Stage 1 (collect): what a file's bytes are and the text riskgate scans for them, judged from
// the bytes alone. Never from the change's .gitattributes (`binary`, `-diff`, `-text`, filters,
// encodings): the change writes those, so they would let it choose what is not scanned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/scope.h"

namespace riskgate::collect {

// git's heuristic: a NUL byte in the first 8000 bytes means binary.
inline bool LooksBinary(std::string_view text) {
  return text.substr(0, 8000).find('\0') != std::string_view::npos;
}

// A Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md).
struct LfsPointer {
  std::string oid;  // 64 lowercase hex digits of the object's sha256
  std::int64_t size = 0;
};

// `bytes` when they are exactly an LFS pointer: under 1024 bytes, the version line first, then
// `ext-*` lines, `oid sha256:<64 hex>` and `size <digits>` with keys sorted, each line ending in
// '\n', nothing else. A file that merely starts like one is not a pointer.
std::optional<LfsPointer> ParseLfsPointer(std::string_view bytes);
inline bool IsLfsPointer(std::string_view bytes) { return ParseLfsPointer(bytes).has_value(); }

enum class TextEncoding { kEightBit, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The encoding of `bytes`: a UTF-16/UTF-32 byte order mark, else UTF-16 without one when every
// NUL byte sits on the same side of its pair in text with many of them, else 8-bit (UTF-8,
// Latin-1, ...; scanned as they are).
TextEncoding DetectEncoding(std::string_view bytes);

// `bytes` (UTF-16/UTF-32, a byte order mark dropped) as UTF-8, or nullopt when they are not
// valid in that encoding (odd length, a lone surrogate, a code point past U+10FFFF).
std::optional<std::string> DecodeToUtf8(std::string_view bytes, TextEncoding encoding);

// Whether ToScannableText scans `bytes` as they are: 8-bit text, no LFS pointer, not binary
// (most blobs; a reader may then scan them without a copy).
bool IsTextAsIs(std::string_view bytes);

// The text riskgate scans for one file, or why it cannot scan it.
struct ScannableText {
  // kBinary, kUndecodable, kTooLarge (an LFS object past the limit) or kLfsPointer (an LFS
  // pointer whose object is not here); nullopt: `text` holds it.
  std::optional<core::SkipReason> skip;
  std::string text;
  // The text is an LFS object's content, not the pointer's bytes: all of it is new.
  bool from_lfs_object = false;
  // kBinary or kUndecodable: the first core::kMagicBytes bytes (a keystore's magic number).
  std::string magic = {};
};

// Judges `bytes` (at most `max_bytes`): 8-bit text as it is, UTF-16/UTF-32 decoded, an LFS
// pointer replaced by its object's content when `lfs_objects_dir` (<common git dir>lfs/objects/)
// holds it. An error when the local object exists but cannot be read.
core::Result<ScannableText> ToScannableText(std::string bytes, const std::string& lfs_objects_dir,
                                            std::int64_t max_bytes);

}  // namespace riskgate::collect
