#include "evaluate/secrets/token_checksum.h"

#include <zlib.h>

#include <cstdint>

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// GitHub's and npm's format (github.blog, 2021-04-05 and 2021-09-23): after the prefix's last
// '_', random base62 characters and then their CRC32 as 6 base62 digits, most significant first.
bool Base62Crc32Holds(std::string_view token) {
  const std::size_t underscore = token.rfind('_');
  const std::string_view body =
      underscore == std::string_view::npos ? token : token.substr(underscore + 1);
  constexpr std::size_t kDigits = 6;
  if (body.size() <= kDigits) return false;
  const std::string_view random = body.substr(0, body.size() - kDigits);
  std::uint64_t value =
      crc32(0L, reinterpret_cast<const Bytef*>(random.data()), static_cast<uInt>(random.size()));
  char expected[kDigits];
  for (std::size_t i = kDigits; i-- > 0;) {
    expected[i] = kBase62[value % 62];
    value /= 62;
  }
  return body.substr(body.size() - kDigits) == std::string_view(expected, kDigits);
}

}  // namespace

bool ChecksumHolds(policy::TokenChecksum checksum, std::string_view token) {
  switch (checksum) {
    case policy::TokenChecksum::kNone:
      return true;
    case policy::TokenChecksum::kBase62Crc32:
      return Base62Crc32Holds(token);
  }
  return false;
}

}  // namespace riskgate::evaluate::secrets
