#include "evaluate/evaluate.h"

#include <map>
#include <set>
#include <tuple>

#include "core/parallel.h"
#include "core/progress.h"
#include "evaluate/custom/custom_evaluator.h"
#include "evaluate/guard/policy_changes.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/gitlab_includes.h"
#include "evaluate/pins/pins_evaluator.h"
#include "evaluate/reviews/reviews_evaluator.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/threat_model/threat_model_evaluator.h"
#include "evaluate/unscanned/unscanned_files.h"

namespace riskgate::evaluate {

std::vector<core::Finding> FoldRepeats(std::vector<core::Finding> findings) {
  std::vector<core::Finding> out;
  // fingerprint -> (source commit, index in out of the first finding)
  std::map<std::string, std::pair<std::string, std::size_t>> first;
  // A path-only gitleaks rule reports a file once per fragment; one of those is enough.
  std::set<std::tuple<std::string, std::string, int, int>> seen;
  for (auto& finding : findings) {
    const std::string source = finding.location.commit.value_or("");
    if (!seen.emplace(finding.fingerprint, source, finding.location.line, finding.location.column)
             .second) {
      continue;
    }
    auto it = first.find(finding.fingerprint);
    if (it != first.end() && it->second.first != source) {
      ++out[it->second.second].occurrences;
      continue;
    }
    if (it == first.end()) first.emplace(finding.fingerprint, std::make_pair(source, out.size()));
    out.push_back(std::move(finding));
  }
  return out;
}

namespace {

// Fragments below this many bytes in all are scanned on the calling thread: a pre-commit check
// should not pay for starting threads.
constexpr std::size_t kParallelBytes = 1 << 20;

void AddStats(secrets::ScanStats& into, secrets::ScanStats&& from) {
  into.suppressed_inline += from.suppressed_inline;
  into.inline_ignored += from.inline_ignored;
  into.rule_runs += from.rule_runs;
  into.commit_suppressed.merge(from.commit_suppressed);
}

// Every fragment through the secrets scanner, on every core when there is enough text (a large
// --worktree); the findings come out in fragment order whatever the threads did.
std::vector<core::Finding> ScanFragments(const secrets::SecretsScanner& scanner,
                                         const std::vector<collect::Fragment>& fragments,
                                         secrets::ScanStats& stats) {
  auto& progress = core::RunProgress();
  progress.fragments_total = static_cast<long long>(fragments.size());
  std::size_t bytes = 0;
  for (const auto& fragment : fragments) bytes += fragment.text.size();
  const std::size_t threads = core::ThreadsFor(fragments.size(), bytes, 2, kParallelBytes);
  std::vector<std::vector<core::Finding>> found(fragments.size());
  std::vector<secrets::ScanStats> thread_stats(threads);
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

Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                    const RepositoryLayout& layout) {
  Evaluation result;
  if (policy.secrets.enabled) {
    secrets::SecretsScanner scanner(policy.secrets);
    secrets::ScanStats stats;
    std::vector<core::Finding> findings = ScanFragments(scanner, facts.fragments, stats);
    if (facts.scope.mode == core::ScanMode::kRange && !stats.commit_suppressed.empty()) {
      std::erase_if(findings, [&](const core::Finding& f) {
        return !f.location.commit && stats.commit_suppressed.contains(f.fingerprint);
      });
    }
    result.findings = FoldRepeats(std::move(findings));
    result.suppressed_inline = stats.suppressed_inline;
    result.inline_ignored = stats.inline_ignored;
  }
  auto unscanned_findings = FoldRepeats(unscanned::EvaluateUnscanned(
      facts.scope.skipped, policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn)));
  result.findings.insert(result.findings.end(), std::make_move_iterator(unscanned_findings.begin()),
                         std::make_move_iterator(unscanned_findings.end()));
  auto guard_findings =
      guard::EvaluatePolicyChanges(facts.policy_files, facts.commits, facts.reviews, policy,
                                   facts.context.ci ? guard::Gate::kJudge : guard::Gate::kForetell);
  result.findings.insert(result.findings.end(), std::make_move_iterator(guard_findings.begin()),
                         std::make_move_iterator(guard_findings.end()));
  auto pin_findings =
      pins::EvaluatePins(facts.files, policy.pins, layout,
                         policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn));
  result.findings.insert(result.findings.end(), std::make_move_iterator(pin_findings.begin()),
                         std::make_move_iterator(pin_findings.end()));
  auto review_findings = reviews::EvaluateReviews(facts, policy.reviews);
  result.findings.insert(result.findings.end(), std::make_move_iterator(review_findings.begin()),
                         std::make_move_iterator(review_findings.end()));
  auto custom_findings = FoldRepeats(custom::EvaluateCustom(facts, policy));
  result.findings.insert(result.findings.end(), std::make_move_iterator(custom_findings.begin()),
                         std::make_move_iterator(custom_findings.end()));
  auto model_findings = threat_model::EvaluateThreatModels(facts, policy.threat_model);
  result.findings.insert(result.findings.end(), std::make_move_iterator(model_findings.begin()),
                         std::make_move_iterator(model_findings.end()));
  return result;
}

bool WantsTree(const policy::Policy& policy) { return custom::WantsTree(policy.custom); }

bool WantsDocument(std::string_view path, const policy::Policy& policy,
                   const RepositoryLayout& layout) {
  return pins::WantsDocument(path, policy.pins, layout);
}

bool RoleChanged(std::string_view path, const policy::Policy& policy,
                 const RepositoryLayout& before, const RepositoryLayout& now) {
  return WantsDocument(path, policy, now) && pins::ClassifyPath(path, before.gitlab_ci_includes) !=
                                                 pins::ClassifyPath(path, now.gitlab_ci_includes);
}

core::Result<RepositoryLayout> DiscoverLayout(const policy::Policy& policy, const FileReader& read,
                                              const PathLister& list) {
  RepositoryLayout layout;
  if (!policy.pins.enabled) return layout;
  auto includes = pins::DiscoverGitlabIncludes(read, list);
  if (!includes) return tl::unexpected(includes.error());
  layout.gitlab_ci_includes = std::move(*includes);
  return layout;
}

}  // namespace riskgate::evaluate
