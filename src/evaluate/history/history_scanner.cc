#include "evaluate/history/history_scanner.h"

#include <algorithm>

#include "evaluate/custom/custom_rules.h"
#include "evaluate/secrets/keystore.h"

namespace riskgate::evaluate::history {

HistoryScanner::HistoryScanner(const policy::Policy& policy)
    : policy_(policy), secrets_(policy.secrets) {
  if (!policy.custom.enabled) return;
  for (const auto& rule : policy.custom.rules) {
    if (rule.kind == policy::CustomKind::kForbidContent) content_rules_.push_back(&rule);
  }
}

std::vector<core::Finding> HistoryScanner::Keystores(const core::SkippedFile& file) const {
  if (!policy_.secrets.enabled) return {};
  return secrets::KeystoreFindings({file}, policy_.secrets);
}

bool HistoryScanner::MayFind(std::string_view text, const secrets::TextOrigin* origin,
                             secrets::PrefilterAnswer* answer) const {
  if (secrets_.MayFind(text, origin, answer)) return true;
  return std::any_of(
      content_rules_.begin(), content_rules_.end(),
      [&](const policy::CustomRule* rule) { return custom::MayForbid(*rule, text); });
}

bool HistoryScanner::ReportsPath(std::string_view path) const {
  return policy_.secrets.enabled && secrets_.ReportsPath(path);
}

std::vector<core::Finding> HistoryScanner::Scan(const std::string& path, const std::string& commit,
                                                std::string_view text, ScanCounts& counts) const {
  const collect::Fragment fragment{path, commit, 1, std::string(text)};
  std::vector<core::Finding> out;
  if (policy_.secrets.enabled) {
    secrets::ScanStats stats;
    out = secrets_.Scan(fragment, stats);
    counts.suppressed_inline += stats.suppressed_inline;
    counts.inline_ignored += stats.inline_ignored;
    counts.commit_suppressed += static_cast<int>(stats.commit_suppressed.size());
  }
  for (const policy::CustomRule* rule : content_rules_)
    custom::ForbidContentIn(*rule, fragment, out);
  return out;
}

std::vector<core::Finding> HistoryScanner::ScanMetadata(const std::string& path,
                                                        const std::string& commit,
                                                        std::string_view text,
                                                        ScanCounts& counts) const {
  if (!policy_.secrets.enabled || !secrets_.MayFind(text)) return {};
  const collect::Fragment fragment{path, commit, 1, std::string(text),
                                   collect::FragmentKind::kMetadata};
  secrets::ScanStats stats;
  auto out = secrets_.Scan(fragment, stats);
  counts.commit_suppressed += static_cast<int>(stats.commit_suppressed.size());
  return out;
}

}  // namespace riskgate::evaluate::history
