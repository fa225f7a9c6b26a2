#include "evaluate/secrets/secrets_scanner.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/secrets/allowlist_match.h"
#include "evaluate/secrets/keyword_windows.h"
#include "evaluate/secrets/kubernetes_secret.h"
#include "evaluate/secrets/line_map.h"
#include "evaluate/secrets/placeholder.h"
#include "evaluate/secrets/rule_prefilter.h"
#include "evaluate/secrets/span_decoder.h"
#include "evaluate/secrets/token_checksum.h"

namespace riskgate::evaluate::secrets {
namespace {

bool PathMatches(const policy::Pattern& pattern, std::string_view path) {
  return pattern.regex().PartialMatch(path);
}

// How far a suppression reaches: a commit-specific one (a commit allowlist, a 4-part
// .gitleaksignore entry) does not cover the same lines seen again in a range's net diff.
enum class Suppression { kNone, kEverywhere, kThisCommit };

Suppression ByCommitOrPath(const std::vector<policy::Allowlist>& allowlists, std::string_view path,
                           std::string_view commit) {
  if (!CommitOrPathAllowed(allowlists, path, commit)) return Suppression::kNone;
  if (commit.empty() || CommitOrPathAllowed(allowlists, path, "")) return Suppression::kEverywhere;
  return Suppression::kThisCommit;
}

Suppression ByFindingAllowlists(const policy::SecretsControl& control,
                                const policy::SecretRule& rule, const Candidate& candidate) {
  const auto allowed = [&](const Candidate& c) {
    return FindingAllowed(control.allowlists, c) || FindingAllowed(rule.allowlists, c);
  };
  if (!allowed(candidate)) return Suppression::kNone;
  Candidate anywhere = candidate;
  anywhere.commit = "";
  if (candidate.commit.empty() || allowed(anywhere)) return Suppression::kEverywhere;
  return Suppression::kThisCommit;
}

Suppression ByIgnoreFile(const policy::SecretsControl& control, const core::Finding& finding) {
  if (control.gitleaks_ignore.empty()) return Suppression::kNone;
  const std::string tail =
      finding.location.path + ":" + finding.rule + ":" + std::to_string(finding.location.line);
  if (control.gitleaks_ignore.contains(tail)) return Suppression::kEverywhere;
  if (finding.location.commit &&
      control.gitleaks_ignore.contains(*finding.location.commit + ":" + tail)) {
    return Suppression::kThisCommit;
  }
  return Suppression::kNone;
}

std::string_view TrimNewlines(std::string_view text) {
  while (!text.empty() && text.front() == '\n') text.remove_prefix(1);
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

// The secret of a match: the configured group, or the first non-empty one, or the whole match.
std::string_view ExtractSecret(const core::RegexMatches& match, int secret_group) {
  if (secret_group > 0 && secret_group < match.size()) return match.group(secret_group);
  for (int i = 1; i < match.size(); ++i) {
    if (match.group(i).data() != nullptr && !match.group(i).empty()) return match.group(i);
  }
  return match.group(0);
}

// Whether a match in a kContext fragment is one that only the whole file shows and the change
// introduced: it spans several lines and its secret is in no version the change started from.
// Single-line secrets are judged on the added lines alone.
bool NewAcrossLines(const collect::Fragment& fragment, const LineMap& lines, std::string_view text,
                    std::string_view match, std::string_view secret) {
  if (match.empty()) return false;
  const auto begin = static_cast<std::size_t>(match.data() - text.data());
  if (lines.LineOf(begin) == lines.LineOf(begin + match.size() - 1)) return false;
  return std::none_of(
      fragment.prior.begin(), fragment.prior.end(),
      [&](const collect::SharedText& prior) { return prior->find(secret) != std::string::npos; });
}

}  // namespace

std::string SecretFingerprint(std::string_view rule, std::string_view path,
                              std::string_view secret) {
  std::string material;
  material.reserve(rule.size() + path.size() + secret.size() + 2);
  material.append(rule).push_back('\0');
  material.append(path).push_back('\0');
  material.append(secret);
  return core::Sha256Hex(material).substr(0, 32);
}

std::string SecretContentId(std::string_view rule, std::string_view secret) {
  std::string material(rule);
  material.push_back('\0');
  material.append(secret);
  return core::Sha256Hex(material).substr(0, 32);
}

SecretsScanner::SecretsScanner(const policy::SecretsControl& control) : control_(control) {
  std::map<std::string, std::size_t> keyword_ids;
  std::vector<std::string> keywords;
  keywords_of_rule_.resize(control.rules.size());
  for (std::size_t r = 0; r < control.rules.size(); ++r) {
    const auto& rule = control.rules[r];
    if (rule.keywords.empty()) {
      always_run_.push_back(r);
      continue;
    }
    for (const auto& keyword : rule.keywords) {
      auto [it, inserted] = keyword_ids.emplace(keyword, keywords.size());
      if (inserted) {
        keywords.push_back(keyword);
        rules_by_keyword_.emplace_back();
      }
      auto& rules = rules_by_keyword_[it->second];
      if (rules.empty() || rules.back() != r) rules.push_back(r);
      keywords_of_rule_[r].push_back(it->second);
    }
  }
  keywords_ = std::make_unique<KeywordIndex>(keywords);
  prefilter_ = std::make_unique<RulePrefilter>(control.rules);
  for (const auto& rule : control.rules) {
    if (rule.id == kKubernetesSecretRule) kubernetes_rule_ = &rule;
  }
  // Specific rules first, so a generic finding of the same secret on the same line is dropped.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t r = 0; r < control.rules.size(); ++r) {
      if (control.rules[r].IsGeneric() == (pass == 1)) order_.push_back(r);
    }
  }
}

SecretsScanner::~SecretsScanner() = default;
SecretsScanner::SecretsScanner(SecretsScanner&&) noexcept = default;

core::Confidence SecretsScanner::ConfidenceOf(const policy::SecretRule& rule,
                                              std::string_view secret, bool checksum_holds) {
  if (!secret.empty() && LooksLikePlaceholder(secret)) return core::Confidence::kLow;
  if (rule.checksum != policy::TokenChecksum::kNone) {
    return checksum_holds ? core::Confidence::kHigh : core::Confidence::kLow;
  }
  return rule.BaseConfidence();
}

core::Finding SecretsScanner::MakeFinding(const policy::SecretRule& rule,
                                          const collect::Fragment& fragment, int line, int column,
                                          std::string_view secret) const {
  core::Finding finding;
  finding.control = std::string(kControl);
  finding.rule = rule.id;
  finding.severity = rule.severity;
  finding.message = (rule.description.empty() ? rule.id : rule.description) + " found";
  // A path-only rule has no secret to check.
  const bool checksum_holds = secret.empty() || ChecksumHolds(rule.checksum, secret);
  finding.confidence = ConfidenceOf(rule, secret, checksum_holds);
  if (!checksum_holds) {
    finding.message += " (its checksum does not hold: not a token as the provider issues them)";
  }
  if (auto cap = control_.max_decision.find(*finding.confidence);
      cap != control_.max_decision.end()) {
    finding.decision_cap = cap->second;
  }
  finding.location.path = fragment.path;
  finding.location.line = line;
  finding.location.column = column;
  finding.location.commit = fragment.commit;
  finding.fingerprint = SecretFingerprint(rule.id, fragment.path, secret);
  // A path-only rule reports the file, so its finding is as distinct as the path.
  finding.content_id = secret.empty() ? finding.fingerprint : SecretContentId(rule.id, secret);
  finding.secret = secret.empty() ? "" : core::Redact(secret);
  finding.hints = core::RemedyHints{rule.fix, rule.mitigate, rule.revoke_url, rule.provider};
  if (fragment.kind == collect::FragmentKind::kMetadata) {
    // Not a file's content: the remedy is to rewrite what holds it, and the token was pushed.
    if (fragment.path == collect::kCommitMessagePath) {
      finding.hints.fix =
          "Reword the commit to drop the token (git rebase -i, 'reword') and revoke the token: "
          "the message was pushed";
    } else if (fragment.path == collect::kTagMessagePath) {
      finding.hints.fix =
          "Delete the tag (git tag -d, git push origin --delete), tag again without the token, "
          "and revoke the token: the tag was pushed";
    } else if (fragment.path == collect::kRefNamePath) {
      finding.hints.fix =
          "Delete the branch or tag of that name (git push origin --delete), push it again under "
          "another name, and revoke the token: the name was pushed";
    } else if (fragment.text == fragment.path) {
      finding.hints.fix = "Rename the path to drop the token and revoke the token: it was pushed";
    } else {
      finding.hints.fix =
          "Change the symlink's target to drop the token and revoke the token: it was pushed";
    }
  }
  return finding;
}

bool SecretsScanner::InlineAllowed(std::string_view line_text, ScanStats& stats) const {
  const bool marked = line_text.find(kInlineAllow) != std::string_view::npos ||
                      (control_.gitleaks_compat() &&
                       line_text.find(kGitleaksInlineAllow) != std::string_view::npos);
  if (!marked) return false;
  if (control_.inline_suppressions != policy::InlineSuppressions::kForbid) {
    ++stats.suppressed_inline;
    return true;
  }
  ++stats.inline_ignored;
  return false;
}

bool SecretsScanner::ReportsPath(std::string_view path) const {
  if (!control_.enabled) return false;
  return std::any_of(control_.rules.begin(), control_.rules.end(), [&](const auto& rule) {
    return rule.path && !rule.regex && PathMatches(*rule.path, path);
  });
}

// What one pass of the rules matches over a fragment, and what it has found so far.
struct SecretsScanner::Pass {
  const collect::Fragment& fragment;
  std::string_view commit;
  Suppression fragment_suppression;
  const LineMap& lines;
  ScanStats& stats;
  std::string_view text;                 // the fragment's text, or the text decoded from it
  const DecodedText* decoded = nullptr;  // set when `text` is decoded text
  KeywordWindows* windows = nullptr;     // where `span: near` rules read the fragment's text
  std::vector<core::Finding> findings = {};
  std::vector<Found> found = {};  // parallel to `findings`
  // (line, secret) pairs found by specific rules, to drop generic findings on the same line.
  std::vector<std::pair<int, std::string>> specific = {};
};

std::vector<core::Finding> SecretsScanner::Scan(const collect::Fragment& fragment,
                                                ScanStats& stats) const {
  if (!control_.enabled || control_.rules.empty()) return {};
  const std::string_view commit = fragment.commit ? std::string_view(*fragment.commit) : "";
  const Suppression fragment_suppression =
      ByCommitOrPath(control_.allowlists, fragment.path, commit);
  if (fragment_suppression == Suppression::kEverywhere) return {};

  // The rule prefilter first, where it serves: most texts hold some keyword but nothing any
  // rule may match (on git/git's HEAD~300..HEAD, 3,489 of the 3,560 whole-file contexts, 140 of
  // their 143 MB), and then where the keywords are is never asked.
  std::vector<char> may;
  const bool prefiltered = prefilter_->MayMatch(fragment.text, may);
  const bool rules_act = !prefiltered || SomeRuleMayAct(fragment, may);
  // A context is judged by the rules and for Kubernetes Secrets alone (no decoding): with
  // neither to do, its lines are not even mapped.
  if (!rules_act && fragment.kind == collect::FragmentKind::kContext &&
      !KubernetesMayFind(fragment.text)) {
    return {};
  }
  const LineMap lines(fragment.text);
  Pass pass{fragment, commit, fragment_suppression, lines, stats, fragment.text};
  std::vector<char> run;
  if (rules_act) {
    KeywordWindows windows(fragment.text, lines, *keywords_);
    pass.windows = &windows;
    CandidateRules(fragment.text, run, &windows);
    if (prefiltered) KeepMatchable(may, run);
    RunRules(run, pass);
    pass.windows = nullptr;  // decoded text has other lines: its rules read all of it
  }
  // Encoded spans are decoded once and scanned by the rules the prefilter picks in the decoded
  // text; a secret spanning lines is judged in the added lines' own fragments, not the context.
  if (fragment.kind != collect::FragmentKind::kContext) {
    const DecodedText decoded = DecodeSpans(fragment.text);
    if (decoded.truncated) ++stats.decode_truncated;
    if (!decoded.text.empty()) {
      pass.text = decoded.text;
      pass.decoded = &decoded;
      CandidateRules(decoded.text, run);
      for (std::size_t r = 0; r < run.size(); ++r) {
        if (control_.rules[r].path && !control_.rules[r].regex) run[r] = 0;  // reported above
      }
      DropUnmatchable(decoded.text, run);
      RunRules(run, pass);
      DropShadowedGenerics(pass);
    }
  }
  if (fragment.kind != collect::FragmentKind::kMetadata) AddKubernetesFindings(pass);
  std::vector<core::Finding> findings = std::move(pass.findings);
  std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.location.line, a.location.column) <
           std::tie(b.location.line, b.location.column);
  });
  return findings;
}

void SecretsScanner::RunRules(const std::vector<char>& run, Pass& pass) const {
  const collect::Fragment& fragment = pass.fragment;
  const std::string_view text = pass.text;
  const LineMap& lines = pass.lines;
  const bool decoded = pass.decoded != nullptr;
  for (std::size_t r : order_) {
    if (run[r] == 0) continue;
    const policy::SecretRule& rule = control_.rules[r];
    Suppression rule_suppression = ByCommitOrPath(rule.allowlists, fragment.path, pass.commit);
    if (rule_suppression == Suppression::kEverywhere) continue;
    if (pass.fragment_suppression == Suppression::kThisCommit) {
      rule_suppression = Suppression::kThisCommit;
    }
    // Kept back: the finding is dropped, and so is its sighting in a range's net diff.
    const auto keep = [&](core::Finding finding, Suppression suppression, Found found) {
      if (suppression == Suppression::kNone) suppression = ByIgnoreFile(control_, finding);
      if (suppression == Suppression::kEverywhere) return;
      if (suppression == Suppression::kThisCommit) {
        pass.stats.commit_suppressed.insert(finding.fingerprint);
        return;
      }
      pass.findings.push_back(std::move(finding));
      pass.found.push_back(found);
    };
    if (rule.path) {
      const bool path_matches = PathMatches(*rule.path, fragment.path);
      if (!rule.regex && path_matches && fragment.kind == collect::FragmentKind::kLines) {
        // A path-only rule reports the file itself, on no line (as gitleaks does).
        auto finding = MakeFinding(rule, fragment, 0, 0, "");
        finding.message =
            (rule.description.empty() ? rule.id : rule.description) + ": file detected";
        keep(std::move(finding), rule_suppression, Found{r, 0, 0, false});
      }
      if (!path_matches) continue;
    }
    if (!rule.regex) continue;
    ++pass.stats.rule_runs;
    const core::Regex& regex = rule.regex->regex();
    if (!regex.ok()) continue;  // embedded rules are validated by the test suite
    const bool gitleaks = rule.dialect == policy::RuleDialect::kGitleaks;
    std::vector<TextRange> ranges{TextRange{0, text.size()}};
    if (rule.span == policy::RuleSpan::kNear && pass.windows != nullptr &&
        !keywords_of_rule_[r].empty()) {
      ranges = pass.windows->ForRule(keywords_of_rule_[r]);
    }
    for (const TextRange& range : ranges) {
      // Latin-1: after an empty match, the next byte. A window starts at a line's start.
      core::RegexMatches matches(regex, text.substr(range.first, range.second - range.first));
      while (matches.Next()) {
        const std::size_t match_begin = range.first + matches.begin();
        const std::size_t match_end = range.first + matches.end();
        const std::string_view secret = ExtractSecret(matches, rule.secret_group);
        if (secret.empty()) continue;
        if (rule.entropy && !(core::ShannonEntropy(secret) > *rule.entropy)) continue;
        const std::string_view match =
            TrimNewlines(text.substr(match_begin, match_end - match_begin));
        // Where the finding is in the fragment: the secret's (or, for gitleaks, the match's)
        // place, or the encoded span a decoded match lies in.
        std::size_t anchor = static_cast<std::size_t>(secret.data() - text.data());
        if (gitleaks) anchor = static_cast<std::size_t>(match.data() - text.data());
        Found found{r, match_begin, match_end, decoded};
        const DecodedSpan* span = nullptr;
        if (decoded) {
          span = pass.decoded->SpanAt(match_begin);
          // A match across two decoded pieces is an artefact of joining them.
          if (span == nullptr || match_end > span->end) continue;
          anchor = span->source_begin;
          found.begin = span->source_begin;
          found.end = span->source_end;
        }
        if (fragment.kind == collect::FragmentKind::kContext &&
            !NewAcrossLines(fragment, lines, text, match, secret)) {
          continue;
        }
        const std::size_t line_index = lines.LineOf(anchor);
        const std::size_t last_line =
            gitleaks && !decoded ? lines.LineOf(anchor + (match.empty() ? 0 : match.size() - 1))
                                 : line_index;
        const std::string_view line_text =
            std::string_view(fragment.text)
                .substr(lines.Start(line_index), lines.End(last_line) - lines.Start(line_index));
        const Candidate candidate{fragment.path, pass.commit, secret, match, line_text};
        Suppression suppression = ByFindingAllowlists(control_, rule, candidate);
        if (suppression == Suppression::kEverywhere) continue;
        if (suppression == Suppression::kThisCommit) {
          pass.stats.commit_suppressed.insert(SecretFingerprint(rule.id, fragment.path, secret));
          continue;
        }
        if (decoded &&
            FoundBefore(pass, found, SecretFingerprint(rule.id, fragment.path, secret))) {
          continue;
        }
        // A marker in a commit message or a path is the change's word alone: never honoured.
        if (fragment.kind != collect::FragmentKind::kMetadata &&
            InlineAllowed(line_text, pass.stats)) {
          continue;
        }
        const int line = fragment.first_line + static_cast<int>(line_index);
        if (rule.IsGeneric()) {
          const bool shadowed =
              std::any_of(pass.specific.begin(), pass.specific.end(), [&](const auto& s) {
                return s.first == line && s.second.find(secret) != std::string::npos;
              });
          if (shadowed) continue;
        } else {
          pass.specific.emplace_back(line, std::string(secret));
        }
        const int column = static_cast<int>(anchor - lines.Start(line_index)) + 1;
        auto finding = MakeFinding(rule, fragment, line, column, secret);
        if (span != nullptr) {
          finding.message += " (found " + std::string(EncodingName(span->encoding)) + "-decoded)";
        }
        keep(std::move(finding), rule_suppression, found);
      }
    }
  }
}

void SecretsScanner::AddKubernetesFindings(Pass& pass) const {
  const collect::Fragment& fragment = pass.fragment;
  if (kubernetes_rule_ == nullptr || pass.fragment_suppression != Suppression::kNone ||
      !MentionsKubernetesSecret(fragment.text)) {
    return;
  }
  const policy::SecretRule& rule = *kubernetes_rule_;
  if (ByCommitOrPath(rule.allowlists, fragment.path, pass.commit) != Suppression::kNone) return;
  for (const KubernetesValue& value : KubernetesSecretValues(fragment.text)) {
    // The whole file of a modified one: only what no trusted version had is new.
    if (fragment.kind == collect::FragmentKind::kContext &&
        std::any_of(fragment.prior.begin(), fragment.prior.end(),
                    [&](const collect::SharedText& prior) {
                      return prior->find(value.written) != std::string::npos;
                    })) {
      continue;
    }
    // A value some rule recognises is that rule's finding (decoded where the change added it).
    if (MatchesSomeRule(value.value) &&
        (!value.from_data || value.written.size() >= DecodeLimits{}.min_base64)) {
      continue;
    }
    const int line = fragment.first_line + value.line - 1;
    // A provider rule's finding on the line says more; a generic one says less and gives way.
    bool reported = false;
    for (std::size_t i = 0; i < pass.findings.size(); ++i) {
      reported = reported || (pass.findings[i].location.line == line &&
                              !control_.rules[pass.found[i].rule].IsGeneric());
    }
    const auto index = static_cast<std::size_t>(std::max(0, value.line - 1));
    if (reported || index >= pass.lines.Count()) continue;
    const std::string_view line_text =
        std::string_view(fragment.text)
            .substr(pass.lines.Start(index), pass.lines.End(index) - pass.lines.Start(index));
    const Candidate candidate{fragment.path, pass.commit, value.value, value.written, line_text};
    if (ByFindingAllowlists(control_, rule, candidate) != Suppression::kNone) continue;
    if (InlineAllowed(line_text, pass.stats)) continue;
    core::Finding finding = MakeFinding(rule, fragment, line, value.column, value.value);
    std::string key = value.key.substr(0, 64);
    finding.message = (rule.description.empty() ? rule.id : rule.description) +
                      " found: " + (value.from_data ? "data" : "stringData") + " key '" + key +
                      "' holds " + value.why + (value.from_data ? " (base64-decoded)" : "");
    if (ByIgnoreFile(control_, finding) != Suppression::kNone) continue;
    for (std::size_t i = pass.findings.size(); i-- > 0;) {
      if (pass.findings[i].location.line == line) {
        pass.findings.erase(pass.findings.begin() + static_cast<std::ptrdiff_t>(i));
        pass.found.erase(pass.found.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
    pass.findings.push_back(std::move(finding));
    pass.found.push_back(
        Found{static_cast<std::size_t>(&rule - control_.rules.data()), 0, 0, false});
  }
}

bool SecretsScanner::FoundBefore(const Pass& pass, const Found& found,
                                 const std::string& fingerprint) const {
  for (std::size_t i = 0; i < pass.findings.size(); ++i) {
    const Found& other = pass.found[i];
    if (pass.findings[i].fingerprint == fingerprint) return true;  // raw, or another span
    // The raw text already matched this rule where the encoded span is (a percent-encoded
    // password in a URL the URL rule reported as written).
    if (!other.decoded && other.rule == found.rule && other.begin < found.end &&
        found.begin < other.end) {
      return true;
    }
  }
  return false;
}

void SecretsScanner::DropShadowedGenerics(Pass& pass) const {
  std::vector<core::Finding> findings;
  std::vector<Found> found;
  for (std::size_t i = 0; i < pass.findings.size(); ++i) {
    const Found& f = pass.found[i];
    // A generic rule that matched the encoded text where a provider rule found the decoded
    // secret: the provider finding says more.
    const bool shadowed = !f.decoded && control_.rules[f.rule].IsGeneric() &&
                          std::any_of(pass.found.begin(), pass.found.end(), [&](const Found& d) {
                            return d.decoded && !control_.rules[d.rule].IsGeneric() &&
                                   d.begin < f.end && f.begin < d.end;
                          });
    if (shadowed) continue;
    findings.push_back(std::move(pass.findings[i]));
    found.push_back(f);
  }
  pass.findings = std::move(findings);
  pass.found = std::move(found);
}

}  // namespace riskgate::evaluate::secrets
