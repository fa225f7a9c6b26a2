#include "policy/secret_rule.h"

namespace riskgate::policy {

std::string_view TokenChecksumName(TokenChecksum checksum) {
  switch (checksum) {
    case TokenChecksum::kNone:
      return "none";
    case TokenChecksum::kBase62Crc32:
      return "base62-crc32";
  }
  return "none";
}

std::optional<TokenChecksum> ParseTokenChecksum(std::string_view name) {
  if (name == "base62-crc32") return TokenChecksum::kBase62Crc32;
  return std::nullopt;
}

}  // namespace riskgate::policy
