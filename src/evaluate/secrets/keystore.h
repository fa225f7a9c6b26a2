// Stage 3 (evaluate): keystore files, which collect skips as binary. Input: a skipped file's
// path, why it was skipped and its first bytes (core::SkippedFile::magic). Output: a
// `keystore-file` finding on the file when it is a PKCS#12 (.p12/.pfx), Java KeyStore (JKS,
// JCEKS) or Bouncy Castle (BKS, BCFKS) keystore: by magic bytes when collect read the file, by
// its extension alone otherwise (and always for BKS/BCFKS, which have no magic). No I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/scope.h"
#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

inline constexpr std::string_view kKeystoreRule = "keystore-file";

enum class KeystoreKind { kPkcs12, kJks, kJceks, kBks, kBcfks };

struct Keystore {
  KeystoreKind kind = KeystoreKind::kPkcs12;
  bool by_content = false;  // its magic bytes said so, not only its name
};

// "PKCS#12", "Java KeyStore (JKS)", ...
std::string_view KeystoreName(KeystoreKind kind);

// The kind of keystore `path` with first bytes `magic` is, or nullopt.
std::optional<Keystore> KeystoreOf(std::string_view path, std::string_view magic);

// Whether the secrets control reports `file` as a keystore (then it is no unscanned file).
bool ReportsKeystore(const core::SkippedFile& file, const policy::SecretsControl& control);

// The keystore-file findings for the files a change skipped.
std::vector<core::Finding> KeystoreFindings(const std::vector<core::SkippedFile>& skipped,
                                            const policy::SecretsControl& control);

}  // namespace riskgate::evaluate::secrets
