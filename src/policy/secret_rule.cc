#include "policy/secret_rule.h"

#include <algorithm>

#include "core/text.h"

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

std::string_view RuleSpanName(RuleSpan span) { return span == RuleSpan::kNear ? "near" : "file"; }

std::optional<RuleSpan> ParseRuleSpan(std::string_view name) {
  if (name == "file") return RuleSpan::kFile;
  if (name == "near") return RuleSpan::kNear;
  return std::nullopt;
}

bool SecretRule::IsGeneric() const {
  if (dialect == RuleDialect::kGitleaks) {
    return core::AsciiLower(id).find("generic") != std::string::npos;
  }
  return std::find(tags.begin(), tags.end(), "generic") != tags.end();
}

core::Confidence SecretRule::BaseConfidence() const {
  return confidence.value_or(IsGeneric() ? core::Confidence::kLow : core::Confidence::kMedium);
}

}  // namespace riskgate::policy
