#include "evaluate/secrets/secrets_evaluator.h"

#include "core/parallel.h"
#include "core/progress.h"
#include "evaluate/secrets/keystore.h"
#include "evaluate/secrets/secrets_scanner.h"

namespace riskgate::evaluate::secrets {
namespace {

// Fragments below this many bytes in all are scanned on the calling thread: a pre-commit check
// should not pay for starting threads.
constexpr std::size_t kParallelBytes = 1 << 20;

void AddStats(ScanStats& into, ScanStats&& from) {
  into.suppressed_inline += from.suppressed_inline;
  into.inline_ignored += from.inline_ignored;
  into.rule_runs += from.rule_runs;
  into.decode_truncated += from.decode_truncated;
  into.commit_suppressed.merge(from.commit_suppressed);
}

// Every fragment through the secrets scanner, on every core when there is enough text (a large
// --worktree); the findings come out in fragment order whatever the threads did.
std::vector<core::Finding> ScanFragments(const SecretsScanner& scanner,
                                         const std::vector<collect::Fragment>& fragments,
                                         ScanStats& stats) {
  auto& progress = core::RunProgress();
  progress.fragments_total = static_cast<long long>(fragments.size());
  std::size_t bytes = 0;
  for (const auto& fragment : fragments) bytes += fragment.text.size();
  const std::size_t threads = core::ThreadsFor(fragments.size(), bytes, 2, kParallelBytes);
  // A small scan compiles its rules on every core first (a second keyword pass over under a
  // MiB); a single large fragment does not pay that pass twice.
  if (threads == 1 && bytes < kParallelBytes) {
    std::vector<std::string_view> texts;
    for (const auto& fragment : fragments) texts.emplace_back(fragment.text);
    scanner.CompileAhead(texts);
  }
  std::vector<std::vector<core::Finding>> found(fragments.size());
  std::vector<ScanStats> thread_stats(threads);
  core::ParallelFor(fragments.size(), threads, [&](std::size_t i, std::size_t worker) {
    found[i] = scanner.Scan(fragments[i], thread_stats[worker]);
    ++progress.fragments_done;
  });
  for (auto& s : thread_stats) AddStats(stats, std::move(s));
  std::vector<core::Finding> out;
  for (auto& list : found) {
    out.insert(out.end(), std::make_move_iterator(list.begin()),
               std::make_move_iterator(list.end()));
  }
  return out;
}

}  // namespace

Evaluation EvaluateSecrets(const collect::ChangeFacts& facts,
                           const policy::SecretsControl& control) {
  Evaluation result;
  SecretsScanner scanner(control);
  ScanStats stats;
  std::vector<core::Finding> findings = ScanFragments(scanner, facts.fragments, stats);
  // Keystores are binary: collect skipped them, and their first bytes say what they are.
  for (auto& finding : KeystoreFindings(facts.scope.skipped, control)) {
    findings.push_back(std::move(finding));
  }
  if (facts.scope.mode == core::ScanMode::kRange && !stats.commit_suppressed.empty()) {
    std::erase_if(findings, [&](const core::Finding& f) {
      return !f.location.commit && stats.commit_suppressed.contains(f.fingerprint);
    });
  }
  result.findings = FoldRepeats(std::move(findings));
  result.suppressed_inline = stats.suppressed_inline;
  result.inline_ignored = stats.inline_ignored;
  return result;
}

}  // namespace riskgate::evaluate::secrets
