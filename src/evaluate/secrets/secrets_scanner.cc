#include "evaluate/secrets/secrets_scanner.h"

#include <algorithm>
#include <map>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/secrets/allowlist_match.h"
#include "evaluate/secrets/placeholder.h"
#include "evaluate/secrets/token_checksum.h"

namespace riskgate::evaluate::secrets {
namespace {

bool PathMatches(const policy::Pattern& pattern, std::string_view path) {
  return pattern.regex().PartialMatch(path);
}

bool IsGeneric(const policy::SecretRule& rule) { return rule.IsGeneric(); }

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

// Maps byte offsets of a fragment to line and column.
class LineMap {
 public:
  explicit LineMap(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
    size_ = text.size();
  }
  // 0-based line index of `offset`.
  std::size_t LineOf(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<std::size_t>(it - starts_.begin()) - 1;
  }
  std::size_t Start(std::size_t line) const { return starts_[line]; }
  std::size_t End(std::size_t line) const {
    return line + 1 < starts_.size() ? starts_[line + 1] - 1 : size_;
  }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_ = 0;
};

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
  return std::none_of(fragment.prior.begin(), fragment.prior.end(), [&](const std::string& prior) {
    return prior.find(secret) != std::string::npos;
  });
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
    }
  }
  keywords_ = std::make_unique<KeywordIndex>(keywords);
  // Specific rules first, so a generic finding of the same secret on the same line is dropped.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t r = 0; r < control.rules.size(); ++r) {
      if (IsGeneric(control.rules[r]) == (pass == 1)) order_.push_back(r);
    }
  }
}

core::Confidence SecretsScanner::ConfidenceOf(const policy::SecretRule& rule,
                                              std::string_view secret) {
  if (!secret.empty() && LooksLikePlaceholder(secret)) return core::Confidence::kLow;
  if (rule.checksum != policy::TokenChecksum::kNone) {
    return ChecksumHolds(rule.checksum, secret) ? core::Confidence::kHigh : core::Confidence::kLow;
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
  finding.confidence = ConfidenceOf(rule, secret);
  if (rule.checksum != policy::TokenChecksum::kNone && !secret.empty() &&
      !ChecksumHolds(rule.checksum, secret)) {
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

void SecretsScanner::CandidateRules(std::string_view text, std::vector<char>& run) const {
  std::vector<char> found;
  run.assign(control_.rules.size(), 0);
  if (keywords_->Find(text, found) > 0) {
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (found[k] == 0) continue;
      for (std::size_t r : rules_by_keyword_[k]) run[r] = 1;
    }
  }
  for (std::size_t r : always_run_) run[r] = 1;
}

bool SecretsScanner::MayFind(std::string_view text) const {
  if (!control_.enabled || control_.rules.empty()) return false;
  std::vector<char> run;
  CandidateRules(text, run);
  for (std::size_t r = 0; r < run.size(); ++r) {
    const policy::SecretRule& rule = control_.rules[r];
    if (run[r] == 0 || !rule.regex || !rule.regex->regex().ok()) continue;
    if (rule.regex->regex().PartialMatch(text)) return true;
  }
  return false;
}

bool SecretsScanner::ReportsPath(std::string_view path) const {
  if (!control_.enabled) return false;
  return std::any_of(control_.rules.begin(), control_.rules.end(), [&](const auto& rule) {
    return rule.path && !rule.regex && PathMatches(*rule.path, path);
  });
}

std::vector<core::Finding> SecretsScanner::Scan(const collect::Fragment& fragment,
                                                ScanStats& stats) const {
  std::vector<core::Finding> findings;
  if (!control_.enabled || control_.rules.empty()) return findings;
  const std::string_view commit = fragment.commit ? std::string_view(*fragment.commit) : "";
  const Suppression fragment_suppression =
      ByCommitOrPath(control_.allowlists, fragment.path, commit);
  if (fragment_suppression == Suppression::kEverywhere) return findings;

  std::vector<char> run;
  CandidateRules(fragment.text, run);

  const std::string_view text = fragment.text;
  std::unique_ptr<LineMap> lines;
  // (line, secret) pairs found by specific rules, to drop generic findings on the same line.
  std::vector<std::pair<int, std::string>> specific;

  for (std::size_t r : order_) {
    if (run[r] == 0) continue;
    const policy::SecretRule& rule = control_.rules[r];
    Suppression rule_suppression = ByCommitOrPath(rule.allowlists, fragment.path, commit);
    if (rule_suppression == Suppression::kEverywhere) continue;
    if (fragment_suppression == Suppression::kThisCommit) {
      rule_suppression = Suppression::kThisCommit;
    }
    // Kept back: the finding is dropped, and so is its sighting in a range's net diff.
    const auto keep = [&](core::Finding finding, Suppression suppression) {
      if (suppression == Suppression::kNone) suppression = ByIgnoreFile(control_, finding);
      if (suppression == Suppression::kEverywhere) return;
      if (suppression == Suppression::kThisCommit) {
        stats.commit_suppressed.insert(finding.fingerprint);
        return;
      }
      findings.push_back(std::move(finding));
    };
    if (rule.path) {
      const bool path_matches = PathMatches(*rule.path, fragment.path);
      if (!rule.regex && path_matches && fragment.kind == collect::FragmentKind::kLines) {
        // A path-only rule reports the file itself, on no line (as gitleaks does).
        auto finding = MakeFinding(rule, fragment, 0, 0, "");
        finding.message =
            (rule.description.empty() ? rule.id : rule.description) + ": file detected";
        keep(std::move(finding), rule_suppression);
      }
      if (!path_matches) continue;
    }
    if (!rule.regex) continue;
    ++stats.rule_runs;
    const core::Regex& regex = rule.regex->regex();
    if (!regex.ok()) continue;  // embedded rules are validated by the test suite
    const bool gitleaks = rule.dialect == policy::RuleDialect::kGitleaks;
    core::RegexMatches matches(regex, text);  // Latin-1: after an empty match, the next byte
    while (matches.Next()) {
      const std::size_t match_begin = matches.begin();
      const std::size_t match_end = matches.end();
      const std::string_view secret = ExtractSecret(matches, rule.secret_group);
      if (secret.empty()) continue;
      if (rule.entropy && !(core::ShannonEntropy(secret) > *rule.entropy)) continue;
      if (!lines) lines = std::make_unique<LineMap>(text);
      const std::string_view match =
          TrimNewlines(text.substr(match_begin, match_end - match_begin));
      if (fragment.kind == collect::FragmentKind::kContext &&
          !NewAcrossLines(fragment, *lines, text, match, secret)) {
        continue;
      }
      // riskgate reports the secret's line (a pattern's leading context may start on the line
      // before); gitleaks the match's, where a leading newline counts for the next line.
      std::size_t anchor = static_cast<std::size_t>(secret.data() - text.data());
      if (gitleaks) anchor = static_cast<std::size_t>(match.data() - text.data());
      const std::size_t line_index = lines->LineOf(anchor);
      const std::size_t last_line =
          gitleaks ? lines->LineOf(anchor + (match.empty() ? 0 : match.size() - 1)) : line_index;
      const std::string_view line_text =
          text.substr(lines->Start(line_index), lines->End(last_line) - lines->Start(line_index));
      const Candidate candidate{fragment.path, commit, secret, match, line_text};
      Suppression suppression = ByFindingAllowlists(control_, rule, candidate);
      if (suppression == Suppression::kEverywhere) continue;
      if (suppression == Suppression::kThisCommit) {
        stats.commit_suppressed.insert(SecretFingerprint(rule.id, fragment.path, secret));
        continue;
      }
      // A marker in a commit message or a path is the change's word alone: never honoured.
      if (fragment.kind != collect::FragmentKind::kMetadata && InlineAllowed(line_text, stats)) {
        continue;
      }
      const int line = fragment.first_line + static_cast<int>(line_index);
      if (IsGeneric(rule)) {
        const bool shadowed = std::any_of(specific.begin(), specific.end(), [&](const auto& s) {
          return s.first == line && s.second.find(secret) != std::string::npos;
        });
        if (shadowed) continue;
      } else {
        specific.emplace_back(line, std::string(secret));
      }
      const int column = static_cast<int>(anchor - lines->Start(line_index)) + 1;
      keep(MakeFinding(rule, fragment, line, column, secret), rule_suppression);
    }
  }
  std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.location.line, a.location.column) <
           std::tie(b.location.line, b.location.column);
  });
  return findings;
}

}  // namespace riskgate::evaluate::secrets
