// Stage 3 (evaluate): what a history audit looks for in one version of a file: the secrets
// control and the custom control's forbid_content rules, on the whole text. Pure and
// thread-safe (const after construction); the audit calls it from every worker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "policy/policy.h"

namespace riskgate::evaluate::history {

struct ScanCounts {
  int suppressed_inline = 0;
  int inline_ignored = 0;
  // Secrets a commit-specific allowlist or .gitleaksignore entry dropped: such a scan's result
  // holds for that commit only.
  int commit_suppressed = 0;
};

class HistoryScanner {
 public:
  explicit HistoryScanner(const policy::Policy& policy);
  HistoryScanner(const HistoryScanner&) = delete;
  HistoryScanner& operator=(const HistoryScanner&) = delete;
  const policy::Policy& policy() const { return policy_; }

  // False when no content rule can find anything in `text` at any path: the blob is clean
  // everywhere it appears, and is never read again.
  // `origin` and `answer` as for SecretsScanner::MayFind (the secrets rules' prefilter).
  bool MayFind(std::string_view text, const secrets::TextOrigin* origin = nullptr,
               secrets::PrefilterAnswer* answer = nullptr) const;
  // At least `bytes` of text will be asked about (SecretsScanner::ExpectText).
  void ExpectText(std::size_t bytes) const { secrets_.ExpectText(bytes); }
  // Whether a rule reports `path` by its name alone (gitleaks path-only rules).
  bool ReportsPath(std::string_view path) const;
  // Findings in `text` as the version of `path` in `commit`, in text order.
  std::vector<core::Finding> Scan(const std::string& path, const std::string& commit,
                                  std::string_view text, ScanCounts& counts) const;
  // The keystore-file finding for a blob skipped as binary, when it is a keystore by its magic
  // bytes or its name (evaluate/secrets/keystore.h); else none.
  std::vector<core::Finding> Keystores(const core::SkippedFile& file) const;
  // Secrets in pushed bytes of `commit` that are no file's content (its message, a path, a
  // symlink's target), reported at `path`.
  std::vector<core::Finding> ScanMetadata(const std::string& path, const std::string& commit,
                                          std::string_view text, ScanCounts& counts) const;

 private:
  const policy::Policy& policy_;
  secrets::SecretsScanner secrets_;
  std::vector<const policy::CustomRule*> content_rules_;  // enabled forbid_content rules
};

}  // namespace riskgate::evaluate::history
