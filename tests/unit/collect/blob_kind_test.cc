// Issue 16: riskgate's own content classification (LFS pointer grammar, wide text decoding).
#include "collect/blob_kind.h"

#include <catch2/catch.hpp>

namespace riskgate::collect {
namespace {

const std::string kOid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
const std::string kVersion = "version https://git-lfs.github.com/spec/v1\n";

}  // namespace

TEST_CASE("only the exact LFS pointer grammar is an LFS pointer", "[collect][lfs]") {
  const std::string pointer = kVersion + "oid sha256:" + kOid + "\nsize 12345\n";
  auto parsed = ParseLfsPointer(pointer);
  REQUIRE(parsed);
  CHECK(parsed->oid == kOid);
  CHECK(parsed->size == 12345);
  CHECK(
      IsLfsPointer(kVersion + "ext-0-foo sha256:" + kOid + "\noid sha256:" + kOid + "\nsize 1\n"));
  CHECK_FALSE(IsLfsPointer(pointer + "token=abc\n"));                // anything after
  CHECK_FALSE(IsLfsPointer(pointer.substr(0, pointer.size() - 1)));  // last line unterminated
  CHECK_FALSE(IsLfsPointer(kVersion + "size 1\noid sha256:" + kOid + "\n"));  // keys unsorted
  CHECK_FALSE(IsLfsPointer(kVersion + "oid sha256:" + kOid.substr(1) + "\nsize 1\n"));
  CHECK_FALSE(IsLfsPointer(kVersion + "oid sha256:" + kOid + "\nsize 1x\n"));
  CHECK_FALSE(IsLfsPointer(kVersion + "oid sha256:" + kOid + "\r\nsize 1\r\n"));
  CHECK_FALSE(IsLfsPointer(kVersion + "oid sha256:" + kOid + "\n"));  // no size
  CHECK_FALSE(IsLfsPointer("x" + pointer));
  CHECK_FALSE(IsLfsPointer(pointer + std::string(1100, '\n')));
}

TEST_CASE("UTF-16 and UTF-32 text decodes to UTF-8 and 8-bit text stays as it is",
          "[collect][encoding]") {
  const std::string le("\xff\xfeh\0i\0\n\0", 8);
  CHECK(DetectEncoding(le) == TextEncoding::kUtf16Le);
  CHECK(DecodeToUtf8(le, TextEncoding::kUtf16Le) == "hi\n");
  const std::string be("\0h\0i", 4);
  CHECK(DetectEncoding(be) == TextEncoding::kUtf16Be);
  CHECK(DecodeToUtf8(be, TextEncoding::kUtf16Be) == "hi");
  const std::string e_acute("\xff\xfe\xe9\0", 4);
  CHECK(DecodeToUtf8(e_acute, TextEncoding::kUtf16Le) == "\xc3\xa9");
  const std::string utf32("\xff\xfe\0\0h\0\0\0", 8);
  CHECK(DetectEncoding(utf32) == TextEncoding::kUtf32Le);
  CHECK(DecodeToUtf8(utf32, TextEncoding::kUtf32Le) == "h");
  CHECK(DetectEncoding("plain text") == TextEncoding::kEightBit);
  CHECK_FALSE(DecodeToUtf8(std::string("\xff\xfe\x00\xd8h\0", 6), TextEncoding::kUtf16Le));
  // 8-bit ASCII inside a BOM-marked file would decode to CJK: undecodable, not hidden.
  CHECK_FALSE(DecodeToUtf8("\xff\xfetoken=abcdefgh", TextEncoding::kUtf16Le));
}

TEST_CASE("scannable text comes from the bytes: binary, undecodable, LFS without an object",
          "[collect][encoding]") {
  auto binary = ToScannableText(std::string("a\0b", 3), "", 100);
  REQUIRE(binary);
  CHECK(binary->skip == core::SkipReason::kBinary);
  auto lfs = ToScannableText(kVersion + "oid sha256:" + kOid + "\nsize 3\n", "/nonexistent/", 100);
  REQUIRE(lfs);
  CHECK(lfs->skip == core::SkipReason::kLfsPointer);
  auto wide = ToScannableText(std::string("\xff\xfex\0", 4), "", 100);
  REQUIRE(wide);
  CHECK_FALSE(wide->skip);
  CHECK(wide->text == "x");
  auto marked = ToScannableText("\xff\xfetoken=abcdefgh\n", "", 100);
  REQUIRE(marked);
  CHECK_FALSE(marked->skip);  // a BOM on 8-bit text: scanned as it is
  CHECK(marked->text == "\xff\xfetoken=abcdefgh\n");
  auto odd = ToScannableText(std::string("\xff\xfex\0y", 5), "", 100);
  REQUIRE(odd);
  CHECK(odd->skip == core::SkipReason::kUndecodable);
}

}  // namespace riskgate::collect
