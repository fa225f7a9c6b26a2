// Fuzz target: content classification of a judged blob (collect/blob_kind.h): the LFS pointer
// grammar, encoding detection, UTF-16/UTF-32 decoding and the text chosen for scanning. The first
// byte picks the size limit. Oracles: a parsed pointer has a 64-hex oid and a size of at least 0;
// decoded text is valid for what it came from (never longer than 3 bytes per input byte for
// UTF-16, 4 for UTF-32); the scannable text of at most `limit` bytes stays within 4x of it.
#include "collect/blob_kind.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::collect;
  const auto [limit_pick, bytes] = riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), 4);
  if (auto pointer = ParseLfsPointer(bytes)) {
    if (pointer->oid.size() != 64 || pointer->size < 0 || bytes.size() >= 1024) __builtin_trap();
  }
  const TextEncoding encoding = DetectEncoding(bytes);
  if (auto text = DecodeToUtf8(bytes, encoding)) {
    if (text->size() > 4 * bytes.size()) __builtin_trap();
  }
  const std::int64_t limit = static_cast<std::int64_t>(16) << (limit_pick * 4);
  // The callers never pass more bytes than the limit (they check the blob's size first).
  if (static_cast<std::int64_t>(bytes.size()) > limit) return 0;
  auto scannable = ToScannableText(std::string(bytes), "", limit);
  if (scannable && !scannable->skip &&
      static_cast<std::int64_t>(scannable->text.size()) > 4 * limit) {
    __builtin_trap();
  }
  return 0;
}
