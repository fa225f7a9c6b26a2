#include "evaluate/pins/shell_verify.h"

#include <cctype>

#include "evaluate/pins/shell_downloads.h"

namespace riskgate::evaluate::pins {
namespace {

bool HasCheckFlag(const CommandView& view) {
  for (const ShellWord* w : view.args) {
    const std::string& v = w->value;
    if (v == "--check") return true;
    if (v.size() > 1 && v[0] == '-' && v[1] != '-' && v.find('c') != std::string::npos) return true;
  }
  return false;
}

// `shasum` defaults to SHA-1; only -a 224/256/384/512 (or the 512/t variants) count.
bool HasStrongShasumAlgorithm(const CommandView& view) {
  for (size_t k = 0; k < view.args.size(); ++k) {
    std::string v = view.args[k]->value;
    if ((v == "-a" || v == "--algorithm") && k + 1 < view.args.size()) {
      v = view.args[k + 1]->value;
    } else if (v.starts_with("-a") && v.size() > 2) {
      v = v.substr(2);
    } else if (v.starts_with("--algorithm=")) {
      v = v.substr(12);
    } else {
      continue;
    }
    if (v == "224" || v == "256" || v == "384" || v == "512" || v == "512224" || v == "512256") {
      return true;
    }
  }
  return false;
}

bool HasArg(const CommandView& view, std::string_view arg) {
  for (const ShellWord* w : view.args) {
    if (w->value == arg) return true;
  }
  return false;
}

// A run of at least 56 hex digits (SHA-224 and longer).
bool HasDigest(std::string_view text) {
  size_t run = 0;
  for (char c : text) {
    run = std::isxdigit(static_cast<unsigned char>(c)) != 0 ? run + 1 : 0;
    if (run >= 56) return true;
  }
  return false;
}

bool NamesFile(std::string_view token, std::string_view path) {
  if (token.starts_with('*')) token.remove_prefix(1);  // "<hash> *file": binary mode
  if (token.empty()) return false;
  return CleanPath(token) == CleanPath(path) || token == BaseName(path);
}

// "<digest>  FILE" (or "<digest> FILE" with the digest in a variable) inside `text`.
bool ChecksumLineNames(std::string_view text, bool has_variable, std::string_view path) {
  if (!has_variable && !HasDigest(text)) return false;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    size_t j = i;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j])) == 0) ++j;
    if (j > i && NamesFile(text.substr(i, j - i), path)) return true;
    i = j;
  }
  return false;
}

bool IsSidecarOf(std::string_view candidate, std::string_view path) {
  const std::string base = BaseName(path);
  const std::string other = BaseName(candidate);
  return other.size() > base.size() + 1 && other.starts_with(base) && other[base.size()] == '.';
}

}  // namespace

VerifyKind ClassifyVerification(const CommandView& view) {
  const std::string& n = view.name;
  if (n == "sha256sum" || n == "sha384sum" || n == "sha512sum" || n == "sha224sum" ||
      n == "b2sum" || n == "gsha256sum" || n == "gsha512sum") {
    return HasCheckFlag(view) ? VerifyKind::kChecksum : VerifyKind::kNone;
  }
  if (n == "shasum") {
    return HasCheckFlag(view) && HasStrongShasumAlgorithm(view) ? VerifyKind::kChecksum
                                                                : VerifyKind::kNone;
  }
  if ((n == "gpg" || n == "gpg2") && HasArg(view, "--verify")) return VerifyKind::kSignature;
  if (n == "gpgv") return VerifyKind::kSignature;
  const std::string first = view.args.empty() ? "" : view.args[0]->value;
  if (n == "cosign" && first == "verify-blob") return VerifyKind::kSignature;
  if (n == "slsa-verifier" && first.starts_with("verify-artifact")) return VerifyKind::kSignature;
  if (n == "gh" && first == "attestation" && HasArg(view, "verify")) return VerifyKind::kSignature;
  if (n == "minisign") {
    for (const ShellWord* w : view.args) {
      if (w->value.size() > 1 && w->value[0] == '-' && w->value.find('V') != std::string::npos) {
        return VerifyKind::kSignature;
      }
    }
  }
  return VerifyKind::kNone;
}

bool VerifiesFile(const ShellPipeline& pipeline, const CommandView& view, VerifyKind kind,
                  std::string_view path,
                  const std::function<bool(std::string_view)>& was_downloaded) {
  if (kind == VerifyKind::kNone) return false;
  for (const ShellWord* w : view.args) {
    const std::string& v = w->value;
    if (v.size() > 1 && v[0] == '-') continue;
    if (kind == VerifyKind::kSignature && (NamesFile(v, path) || IsSidecarOf(v, path))) return true;
    if (kind == VerifyKind::kChecksum && IsSidecarOf(v, path) && !was_downloaded(v)) return true;
  }
  if (kind != VerifyKind::kChecksum) return false;
  // The checksum line may come from anywhere in the pipeline (`echo "<sha>  f" | sha256sum -c`)
  // or from a here-string or here-document of the check itself.
  for (const ShellSimpleCommand& command : pipeline.commands) {
    for (const ShellWord& w : command.words) {
      if (ChecksumLineNames(w.value, w.has_expansion, path)) return true;
    }
    for (const ShellRedirect& r : command.redirects) {
      if (ChecksumLineNames(r.target.value, r.target.has_expansion, path)) return true;
      if (ChecksumLineNames(r.heredoc, r.heredoc.find('$') != std::string::npos, path)) return true;
    }
  }
  return false;
}

}  // namespace riskgate::evaluate::pins
