#include "evaluate/secrets/keystore.h"

#include <array>

#include "core/text.h"
#include "evaluate/secrets/allowlist_match.h"
#include "evaluate/secrets/secrets_scanner.h"

namespace riskgate::evaluate::secrets {
namespace {

std::string_view ExtensionOf(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot + 1);
}

std::optional<KeystoreKind> KindByExtension(std::string_view path) {
  const std::string ext = core::AsciiLower(ExtensionOf(path));
  if (ext == "p12" || ext == "pfx") return KeystoreKind::kPkcs12;
  if (ext == "jks" || ext == "keystore") return KeystoreKind::kJks;
  if (ext == "jceks") return KeystoreKind::kJceks;
  if (ext == "bks" || ext == "uber") return KeystoreKind::kBks;
  if (ext == "bcfks") return KeystoreKind::kBcfks;
  return std::nullopt;
}

unsigned Byte(std::string_view bytes, std::size_t i) {
  return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100u;
}

// PKCS#12 (RFC 7292): PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }, so
// DER 0x30, a length (short, 0x81-0x83 long form, or 0x80 indefinite in BER), then 02 01 03 30.
bool LooksPkcs12(std::string_view magic) {
  if (Byte(magic, 0) != 0x30) return false;
  std::size_t at = 2;
  const unsigned length = Byte(magic, 1);
  if (length >= 0x81 && length <= 0x84) at += length - 0x80;
  if (length > 0x84 && length != 0x100) return false;
  return Byte(magic, at) == 0x02 && Byte(magic, at + 1) == 0x01 && Byte(magic, at + 2) == 0x03 &&
         Byte(magic, at + 3) == 0x30;
}

std::optional<KeystoreKind> KindByContent(std::string_view magic) {
  if (magic.starts_with("\xFE\xED\xFE\xED")) return KeystoreKind::kJks;
  if (magic.starts_with("\xCE\xCE\xCE\xCE")) return KeystoreKind::kJceks;
  if (LooksPkcs12(magic)) return KeystoreKind::kPkcs12;
  return std::nullopt;
}

const policy::SecretRule* KeystoreRule(const policy::SecretsControl& control) {
  if (!control.enabled) return nullptr;
  for (const auto& rule : control.rules) {
    if (rule.id == kKeystoreRule) return &rule;
  }
  return nullptr;
}

}  // namespace

std::string_view KeystoreName(KeystoreKind kind) {
  switch (kind) {
    case KeystoreKind::kPkcs12:
      return "PKCS#12 keystore";
    case KeystoreKind::kJks:
      return "Java KeyStore (JKS)";
    case KeystoreKind::kJceks:
      return "Java JCEKS keystore";
    case KeystoreKind::kBks:
      return "Bouncy Castle keystore (BKS)";
    case KeystoreKind::kBcfks:
      return "Bouncy Castle FIPS keystore (BCFKS)";
  }
  return "keystore";
}

std::optional<Keystore> KeystoreOf(std::string_view path, std::string_view magic) {
  if (auto kind = KindByContent(magic)) return Keystore{*kind, true};
  if (auto kind = KindByExtension(path)) return Keystore{*kind, false};
  return std::nullopt;
}

bool ReportsKeystore(const core::SkippedFile& file, const policy::SecretsControl& control) {
  if (file.reason == core::SkipReason::kSymlink || file.reason == core::SkipReason::kSubmodule) {
    return false;
  }
  if (KeystoreRule(control) == nullptr || !KeystoreOf(file.path, file.magic)) return false;
  const std::string_view commit = file.commit ? std::string_view(*file.commit) : "";
  return !CommitOrPathAllowed(control.allowlists, file.path, commit);
}

std::vector<core::Finding> KeystoreFindings(const std::vector<core::SkippedFile>& skipped,
                                            const policy::SecretsControl& control) {
  std::vector<core::Finding> out;
  const policy::SecretRule* rule = KeystoreRule(control);
  if (rule == nullptr) return out;
  for (const core::SkippedFile& file : skipped) {
    if (!ReportsKeystore(file, control)) continue;
    const std::string_view commit = file.commit ? std::string_view(*file.commit) : "";
    if (CommitOrPathAllowed(rule->allowlists, file.path, commit)) continue;
    const Keystore keystore = *KeystoreOf(file.path, file.magic);
    core::Finding f;
    f.control = std::string(kControl);
    f.rule = rule->id;
    f.severity = rule->severity;
    f.message = std::string(KeystoreName(keystore.kind)) + " file found (" +
                (keystore.by_content ? "by its magic bytes" : "by its file name") +
                "): a keystore holds private keys and their passwords can be guessed offline";
    f.confidence = keystore.by_content ? core::Confidence::kHigh : core::Confidence::kMedium;
    if (auto cap = control.max_decision.find(*f.confidence); cap != control.max_decision.end()) {
      f.decision_cap = cap->second;
    }
    f.location = core::Location{file.path, 0, 0, file.commit};
    f.fingerprint = SecretFingerprint(rule->id, file.path, "");
    f.content_id = f.fingerprint;
    f.hints = core::RemedyHints{rule->fix, rule->mitigate, rule->revoke_url, rule->provider};
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace riskgate::evaluate::secrets
