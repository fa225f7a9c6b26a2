#include "evaluate/evaluate.h"

#include <map>
#include <set>
#include <tuple>

#include "core/progress.h"
#include "evaluate/custom/custom_evaluator.h"
#include "evaluate/guard/policy_changes.h"
#include "evaluate/pins/gitlab_includes.h"
#include "evaluate/pins/pins_evaluator.h"
#include "evaluate/reviews/reviews_evaluator.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/threat_model/threat_model_evaluator.h"

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

Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                    const RepositoryLayout& layout) {
  Evaluation result;
  if (policy.secrets.enabled) {
    secrets::SecretsScanner scanner(policy.secrets);
    secrets::ScanStats stats;
    std::vector<core::Finding> findings;
    auto& progress = core::RunProgress();
    progress.fragments_total = static_cast<long long>(facts.fragments.size());
    for (const auto& fragment : facts.fragments) {
      ++progress.fragments_done;
      auto found = scanner.Scan(fragment, stats);
      findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
    }
    if (facts.scope.mode == core::ScanMode::kRange && !stats.commit_suppressed.empty()) {
      std::erase_if(findings, [&](const core::Finding& f) {
        return !f.location.commit && stats.commit_suppressed.contains(f.fingerprint);
      });
    }
    result.findings = FoldRepeats(std::move(findings));
    result.suppressed_inline = stats.suppressed_inline;
    result.inline_ignored = stats.inline_ignored;
  }
  auto guard_findings =
      guard::EvaluatePolicyChanges(facts.policy_files, facts.commits, facts.reviews, policy);
  result.findings.insert(result.findings.end(), std::make_move_iterator(guard_findings.begin()),
                         std::make_move_iterator(guard_findings.end()));
  auto pin_findings = pins::EvaluatePins(facts.files, policy.pins, layout);
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

core::Result<RepositoryLayout> DiscoverLayout(const policy::Policy& policy,
                                              const FileReader& read) {
  RepositoryLayout layout;
  if (!policy.pins.enabled) return layout;
  auto includes = pins::DiscoverGitlabIncludes(read);
  if (!includes) return tl::unexpected(includes.error());
  layout.gitlab_ci_includes = std::move(*includes);
  return layout;
}

}  // namespace riskgate::evaluate
