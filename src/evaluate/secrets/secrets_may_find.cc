// Stage 3 (evaluate): the secrets scanner's side that tells, cheaply, whether a text may hold
// a finding at all: keyword candidates, the Hyperscan prefilter (whole texts, or a delta's
// changes against what its base was answered), the decoded spans and the Kubernetes gate. The
// full audit and the pre-commit hook ask this before anything is matched exactly
// (secrets_scanner.cc). Input: texts; output: which rules may run, or whether any may.
#include <algorithm>

#include "core/parallel.h"
#include "evaluate/secrets/keyword_windows.h"
#include "evaluate/secrets/kubernetes_secret.h"
#include "evaluate/secrets/rule_prefilter.h"
#include "evaluate/secrets/secrets_scanner.h"  // the class these methods are of
#include "evaluate/secrets/span_decoder.h"

namespace riskgate::evaluate::secrets {

void SecretsScanner::CandidateRules(std::string_view text, std::vector<char>& run,
                                    const KeywordWindows* located) const {
  std::vector<char> found;
  run.assign(control_.rules.size(), 0);
  const bool any = located != nullptr ? located->distinct() > 0 : keywords_->Find(text, found) > 0;
  if (any) {
    for (std::size_t k = 0; k < keywords_->size(); ++k) {
      if (located != nullptr ? !located->Occurs(k) : found[k] == 0) continue;
      for (std::size_t r : rules_by_keyword_[k]) run[r] = 1;
    }
  }
  for (std::size_t r : always_run_) run[r] = 1;
}

bool SecretsScanner::MatchesSomeRule(std::string_view text, bool windowed,
                                     const std::vector<char>* may) const {
  std::vector<char> run;
  CandidateRules(text, run);  // which keywords occur: one quick pass
  // Where each keyword occurs is looked up only when a `span: near` rule needs it.
  std::optional<LineMap> lines;
  std::optional<KeywordWindows> windows;
  for (std::size_t r = 0; r < run.size(); ++r) {
    const policy::SecretRule& rule = control_.rules[r];
    if (run[r] == 0 || (may != nullptr && (*may)[r] == 0) || !rule.regex ||
        !rule.regex->regex().ok()) {
      continue;
    }
    // As Scan reads it: a `span: near` rule only in the windows around its keywords.
    if (windowed && rule.span == policy::RuleSpan::kNear && !keywords_of_rule_[r].empty()) {
      if (!windows) {
        lines.emplace(text);
        windows.emplace(text, *lines, *keywords_);
      }
      for (const TextRange& range : windows->ForRule(keywords_of_rule_[r])) {
        if (rule.regex->regex().PartialMatch(text.substr(range.first, range.second - range.first)))
          return true;
      }
      continue;
    }
    if (rule.regex->regex().PartialMatch(text)) return true;
  }
  return false;
}

void SecretsScanner::DropUnmatchable(std::string_view text, std::vector<char>& run) const {
  if (std::find(run.begin(), run.end(), 1) == run.end()) return;
  std::vector<char> may;
  if (prefilter_->MayMatch(text, may)) KeepMatchable(may, run);
}

void SecretsScanner::KeepMatchable(const std::vector<char>& may, std::vector<char>& run) const {
  for (std::size_t r = 0; r < run.size(); ++r) {
    if (run[r] != 0 && may[r] == 0 && control_.rules[r].regex) run[r] = 0;
  }
}

bool SecretsScanner::SomeRuleMayAct(const collect::Fragment& fragment,
                                    const std::vector<char>& may) const {
  return SomeRegexMay(may) ||
         (fragment.kind == collect::FragmentKind::kLines && ReportsPath(fragment.path));
}

bool SecretsScanner::SomeRegexMay(const std::vector<char>& may) const {
  for (std::size_t r = 0; r < may.size(); ++r) {
    if (control_.rules[r].regex && may[r] != 0) return true;
  }
  return false;
}

bool SecretsScanner::PrefilteredMatch(std::string_view text, bool windowed,
                                      const TextOrigin* origin, std::vector<char>* kept) const {
  std::vector<char> may;
  const bool served = prefilter_->MayMatch(text, may, origin);
  if (kept != nullptr) {
    if (served) {
      *kept = may;
    } else {
      kept->clear();
    }
  }
  if (!served) return MatchesSomeRule(text, windowed);
  if (std::find(may.begin(), may.end(), 1) == may.end()) return false;
  return MatchesSomeRule(text, windowed, &may);
}

bool SecretsScanner::MayFind(std::string_view text, const TextOrigin* origin,
                             PrefilterAnswer* answer) const {
  if (answer != nullptr) *answer = {};
  if (!control_.enabled || control_.rules.empty()) return false;
  if (PrefilteredMatch(text, true, origin, answer != nullptr ? &answer->may : nullptr)) return true;
  const DecodedText decoded =
      origin != nullptr && origin->earlier != nullptr && origin->earlier->decodes_nothing
          ? DecodeSpansOutside(text, origin->copied)
          : DecodeSpans(text);
  if (answer != nullptr) answer->decodes_nothing = decoded.text.empty() && !decoded.truncated;
  if (!decoded.text.empty() && PrefilteredMatch(decoded.text, false)) return true;
  if (kubernetes_rule_ == nullptr) return false;
  // A text made from one without the word holds it only where it meets what was not copied.
  std::optional<bool> mentions;
  if (origin != nullptr && origin->earlier != nullptr && origin->earlier->lacks_secret_kind) {
    mentions = OccursOutsideCopies(text, kKubernetesSecretWord, origin->copied);
  }
  if (!mentions) mentions = text.find(kKubernetesSecretWord) != std::string_view::npos;
  if (answer != nullptr) answer->lacks_secret_kind = !*mentions;
  return *mentions && !KubernetesSecretValues(text).empty();
}

bool SecretsScanner::ContextMayFind(std::string_view text) const {
  if (!control_.enabled || control_.rules.empty()) return false;
  std::vector<char> may;
  return !prefilter_->MayMatch(text, may) || SomeRegexMay(may) || KubernetesMayFind(text);
}

bool SecretsScanner::LinesMayFind(std::string_view path, std::string_view text) const {
  if (!control_.enabled || control_.rules.empty()) return false;
  if (ReportsPath(path) || ContextMayFind(text)) return true;
  // A fragment's encoded runs are then the whole text's on its lines, and its decoded text a
  // window of lines of the whole text's: the prefilter's answer for that holds for it. RE2 is
  // not asked: it reads the decoded text whole, where `^` and `\A` fall elsewhere.
  const DecodedText decoded = DecodeSpans(text);
  if (decoded.wrapped || decoded.truncated) return true;
  if (decoded.text.empty()) return false;
  std::vector<char> may;
  return !prefilter_->MayMatch(decoded.text, may) || SomeRegexMay(may);
}

bool SecretsScanner::KubernetesMayFind(std::string_view text) const {
  return kubernetes_rule_ != nullptr && MentionsKubernetesSecret(text);
}

void SecretsScanner::CompileAhead(const std::vector<std::string_view>& texts) const {
  if (!control_.enabled || prefilter_->hyperscan().ready()) return;
  std::vector<char> wanted(control_.rules.size(), 0);
  std::vector<char> run;
  for (const std::string_view text : texts) {
    CandidateRules(text, run);
    for (std::size_t r = 0; r < run.size(); ++r) wanted[r] = static_cast<char>(wanted[r] | run[r]);
  }
  std::vector<const policy::Pattern*> patterns;
  for (std::size_t r = 0; r < wanted.size(); ++r) {
    const policy::SecretRule& rule = control_.rules[r];
    // A rule limited to some paths compiles when a path of its own is scanned, as before.
    if (wanted[r] != 0 && rule.regex && !rule.path) patterns.push_back(rule.regex.get());
  }
  // Longest first, a rough measure of cost, so that no core is left with a large one at the end.
  std::stable_sort(patterns.begin(), patterns.end(), [](const auto* a, const auto* b) {
    return a->source().size() > b->source().size();
  });
  const std::size_t threads = core::ThreadsFor(patterns.size(), patterns.size(), 2, 2);
  if (threads < 2) return;  // one is compiled by the scan as well as here
  core::ParallelFor(patterns.size(), threads,
                    [&](std::size_t i, std::size_t) { (void)patterns[i]->regex(); });
}

void SecretsScanner::ExpectText(std::size_t bytes) const {
  if (control_.enabled && !control_.rules.empty()) prefilter_->Expect(bytes);
}

std::vector<const LazyHyperscan*> SecretsScanner::HyperscanDatabases() const {
  std::vector<const LazyHyperscan*> databases;
  if (keywords_->hyperscan() != nullptr) databases.push_back(keywords_->hyperscan());
  for (const LazyHyperscan* database : prefilter_->databases()) databases.push_back(database);
  return databases;
}

}  // namespace riskgate::evaluate::secrets
