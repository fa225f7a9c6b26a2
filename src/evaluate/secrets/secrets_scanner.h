// Stage 3 (evaluate): the secrets control. Input: fragments of text and the secrets section of
// the policy. Output: findings with redacted secrets and content fingerprints. It never opens the
// repository; a keyword prefilter decides which rules run on a fragment at all.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "evaluate/text/keyword_index.h"
#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

class KeywordWindows;
class RulePrefilter;
struct TextOrigin;
struct PrefilterAnswer;

inline constexpr std::string_view kControl = "secrets";
inline constexpr std::string_view kInlineAllow = "riskgate:allow";
// Honoured too when the policy loads a gitleaks config.
inline constexpr std::string_view kGitleaksInlineAllow = "gitleaks:allow";
// Rules the scanner reports through its own detectors, when the policy holds a rule of that id
// (its severity, remedies and allowlists apply): values of Kubernetes Secret manifests, and
// keystore files (evaluate/secrets/keystore.h).
inline constexpr std::string_view kKubernetesSecretRule = "kubernetes-secret-data";

struct ScanStats {
  int suppressed_inline = 0;  // findings a `riskgate:allow` comment suppressed
  int inline_ignored = 0;     // `riskgate:allow` comments ignored because the policy forbids them
  long long rule_runs = 0;    // (fragment, rule) pairs that passed the prefilter
  int decode_truncated = 0;   // fragments whose decoded spans ran past the decoding budget
  // Fingerprints a commit-specific allowlist or .gitleaksignore entry dropped; the evaluate
  // stage drops the same secrets seen again in a range's net diff (which has no commit).
  std::set<std::string, std::less<>> commit_suppressed;
};

class SecretsScanner {
 public:
  explicit SecretsScanner(const policy::SecretsControl& control);
  ~SecretsScanner();
  SecretsScanner(SecretsScanner&&) noexcept;

  // Findings in one fragment, in text order.
  std::vector<core::Finding> Scan(const collect::Fragment& fragment, ScanStats& stats) const;

  // Whether some rule's pattern matches `text` at all, whatever its path: false means Scan finds
  // nothing in it at any path but through path-only rules (a history audit's per-blob test).
  // With `origin` (text_origin.h), the rule prefilter and the span decoder read only what the
  // earlier text did not have, where they can; `answer`, when given, receives what was learnt
  // of `text` (the prefilter's answer, empty when it did not serve; whether decoding kept
  // nothing), for a later text made from this one.
  bool MayFind(std::string_view text, const TextOrigin* origin = nullptr,
               PrefilterAnswer* answer = nullptr) const;
  // Whether Scan may find anything in a whole-file context (collect::FragmentKind::kContext)
  // whose text is `text`: false only where the rule prefilter serves and says no rule may
  // match, and the text names no Kubernetes Secret. One prefilter pass.
  bool ContextMayFind(std::string_view text) const;
  // Whether Scan may find anything in a fragment of lines added to `path`
  // (collect::FragmentKind::kLines) made of whole lines of `text`, whichever lines: false only
  // where no path-only rule reports `path`, the rule prefilter serves and says no rule may match
  // `text` or any window of its lines, nor the text decoded from its encoded spans (which must
  // all lie within a line and fit the decoding budget), and `text` names no Kubernetes Secret.
  // So a range's file whose new version it clears needs no line diff. Safe from any thread.
  bool LinesMayFind(std::string_view path, std::string_view text) const;
  // At least `bytes` of text will be asked about (a full-history sweep): the prefilter is
  // compiled now when that is enough to repay it.
  void ExpectText(std::size_t bytes) const;
  // Compiles, on every core, the regexes of the rules the keywords of `texts` call for, unless
  // the rule prefilter serves (it then rules most of them out). A scan too small to be spread
  // over cores (a pre-commit hook's) would compile them one by one, a few hundred microseconds
  // each and up to 10 ms for the largest: most of its time. Scan then finds them compiled.
  void CompileAhead(const std::vector<std::string_view>& texts) const;
  // Whether a path-only rule reports `path` itself.
  bool ReportsPath(std::string_view path) const;
  // The Hyperscan databases it scans with (keyword literals, rule prefilter): the build tool
  // that compiles the default pack's ahead of time asks for them (text/prebuilt_hyperscan.h).
  std::vector<const LazyHyperscan*> HyperscanDatabases() const;

 private:
  struct Pass;
  // Where a finding was found: its rule, and the range of the fragment's text it matched (the
  // encoded span, for a match in decoded text).
  struct Found {
    std::size_t rule = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool decoded = false;
  };
  // Every rule `run` marks over the pass's text, adding to its findings.
  void RunRules(const std::vector<char>& run, Pass& pass) const;
  // Whether a decoded match repeats a finding already made (its secret, or the same rule
  // matching the encoded text as written).
  bool FoundBefore(const Pass& pass, const Found& found, const std::string& fingerprint) const;
  // Drops generic findings on encoded text where a provider rule found the decoded secret.
  void DropShadowedGenerics(Pass& pass) const;
  // The values of Kubernetes Secret manifests that no rule reported on their line
  // (evaluate/secrets/kubernetes_secret.h), as findings of the kubernetes-secret-data rule.
  void AddKubernetesFindings(Pass& pass) const;
  // Whether some rule's pattern matches `text` as written.
  // `windowed`: `span: near` rules read only the windows around their keywords, as Scan's first
  // pass over a fragment reads them (decoded text is read whole, as Scan reads it).
  // `may`: only the rules it marks (RulePrefilter's answer).
  bool MatchesSomeRule(std::string_view text, bool windowed = false,
                       const std::vector<char>* may = nullptr) const;
  // Clears in `run` each rule with a regex that the rule prefilter, where it serves (a large
  // scan's, or the default policy's prebuilt one), says cannot match `text` or any window of its
  // lines: the keyword windows and RE2 are spared rules whose keywords occur but whose
  // pattern does not.
  void DropUnmatchable(std::string_view text, std::vector<char>& run) const;
  // Whether `text` may name a Kubernetes Secret whose values are judged.
  bool KubernetesMayFind(std::string_view text) const;
  // The same with the prefilter's answer `may` for the text.
  void KeepMatchable(const std::vector<char>& may, std::vector<char>& run) const;
  // Whether, by the prefilter's answer `may` for its text, some rule can act on `fragment`: a
  // regex it may match, or a path-only rule naming the file.
  bool SomeRuleMayAct(const collect::Fragment& fragment, const std::vector<char>& may) const;
  // Whether `may` marks some rule with a regex.
  bool SomeRegexMay(const std::vector<char>& may) const;
  // MatchesSomeRule after the rule prefilter, where it serves.
  // (`origin` and `kept` as for MayFind.)
  bool PrefilteredMatch(std::string_view text, bool windowed, const TextOrigin* origin = nullptr,
                        std::vector<char>* kept = nullptr) const;
  // Marks in `run` (one slot per rule) the rules the keyword prefilter lets run on `text`
  // (`located`: the keywords already found in it).
  void CandidateRules(std::string_view text, std::vector<char>& run,
                      const KeywordWindows* located = nullptr) const;
  // How sure a finding of `rule` on `secret` is (core::Confidence).
  static core::Confidence ConfidenceOf(const policy::SecretRule& rule, std::string_view secret,
                                       bool checksum_holds);
  core::Finding MakeFinding(const policy::SecretRule& rule, const collect::Fragment& fragment,
                            int line, int column, std::string_view secret) const;
  // Whether an inline marker on the match's line suppresses it (counted in `stats`).
  bool InlineAllowed(std::string_view line_text, ScanStats& stats) const;

  const policy::SecretsControl& control_;
  std::unique_ptr<KeywordIndex> keywords_;
  std::unique_ptr<RulePrefilter> prefilter_;
  std::vector<std::vector<std::size_t>> rules_by_keyword_;  // keyword id -> rule indexes
  std::vector<std::vector<std::size_t>> keywords_of_rule_;  // rule index -> keyword ids
  std::vector<std::size_t> always_run_;                     // rules without keywords
  std::vector<std::size_t> order_;                          // specific rules, then generic ones
  const policy::SecretRule* kubernetes_rule_ = nullptr;     // kubernetes-secret-data, if loaded
};

// Content fingerprint: survives line moves; a hash, never the secret.
std::string SecretFingerprint(std::string_view rule, std::string_view path,
                              std::string_view secret);
// The same without the path: one secret wherever it was copied.
std::string SecretContentId(std::string_view rule, std::string_view secret);

}  // namespace riskgate::evaluate::secrets
