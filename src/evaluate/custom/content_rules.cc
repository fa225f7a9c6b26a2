// forbid_content and commit_message: patterns on the lines a change adds and on the messages of
// the range's commits.
#include <algorithm>
#include <array>
#include <cctype>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/custom/custom_rules.h"

namespace riskgate::evaluate::custom {
namespace {

bool Matches(const policy::Pattern& pattern, std::string_view text) {
  return pattern.regex().PartialMatch(text);
}

bool TokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '+' ||
         c == '/' || c == '=' || c == '.';
}

// The subject line, shortened, with every token-like word of 20 characters or more redacted: a
// commit message can quote a credential, and reports never print one.
std::string Subject(std::string_view message) {
  const std::string_view line = message.substr(0, message.find('\n'));
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t j = i;
    while (j < line.size() && TokenChar(line[j])) ++j;
    if (j == i) {
      out += line[i++];
      continue;
    }
    const std::string_view word = line.substr(i, j - i);
    out += word.size() >= 20 ? core::Redact(word) : std::string(word);
    i = j;
  }
  if (out.size() > 72) out = out.substr(0, 69) + "...";
  return out;
}

}  // namespace

void ForbidContentIn(const policy::CustomRule& rule, const collect::Fragment& fragment,
                     std::vector<core::Finding>& out) {
  if (!rule.pattern || !policy::RuleCoversPath(rule, fragment.path)) return;
  const core::Regex& regex = rule.pattern->regex();
  const std::string_view text = fragment.text;
  // If no line can match, the multi-line form does not match the whole text either.
  if (!MayForbid(rule, text)) return;
  std::size_t start = 0;
  for (int line = fragment.first_line; start <= text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line_text = text.substr(start, end - start);
    std::array<std::string_view, 1> match;
    if (regex.PartialMatch(line_text, match) &&
        std::none_of(rule.unless.begin(), rule.unless.end(),
                     [&](const policy::PatternPtr& p) { return Matches(*p, line_text); })) {
      const int column = static_cast<int>(match[0].data() - line_text.data()) + 1;
      auto finding = MakeFinding(
          rule, rule.description + " (the line matches /" + rule.pattern->source() + "/)",
          fragment.path, line, column, std::string(line_text));
      finding.location.commit = fragment.commit;
      out.push_back(std::move(finding));
    }
    start = end + 1;
  }
}

namespace {

// Whether the pattern keeps `^`, `$` or the text's ends from every line's ends in a whole text
// read in multi-line mode: `\A` and `\z` stay at the text's ends, and a flag group that turns
// `m` off (`(?-m)`, `(?i-m:...)`) undoes the `(?m)` put before it. Judged from the source: a
// backslash before such a sequence only makes this say so more often.
bool KeepsTextEnds(std::string_view source) {
  if (source.find("\\A") != std::string_view::npos ||
      source.find("\\z") != std::string_view::npos) {
    return true;
  }
  for (std::size_t at = source.find("(?"); at != std::string_view::npos;
       at = source.find("(?", at + 2)) {
    const std::size_t end = source.find_first_of(":)", at + 2);
    const std::string_view flags =
        source.substr(at + 2, end == std::string_view::npos ? end : end - at - 2);
    const std::size_t minus = flags.find('-');
    if (minus != std::string_view::npos && flags.find('m', minus) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool MayForbid(const policy::CustomRule& rule, std::string_view text) {
  if (!rule.pattern) return false;
  // `(?m)` moves `^` and `$` to every line's ends, as each line judged alone has them; a
  // pattern that keeps them at the text's ends is not ruled out by the whole text.
  if (KeepsTextEnds(rule.pattern->source())) return true;
  if (rule.any_line && rule.any_line->regex().ok()) return Matches(*rule.any_line, text);
  return true;
}

bool LinesMayForbid(const policy::CustomControl& control, std::string_view path,
                    std::string_view text) {
  return control.enabled &&
         std::any_of(control.rules.begin(), control.rules.end(), [&](const auto& rule) {
           return rule.kind == policy::CustomKind::kForbidContent &&
                  policy::RuleCoversPath(rule, path) && MayForbid(rule, text);
         });
}

void ForbidContent(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out) {
  for (const collect::Fragment& fragment : facts.fragments) {
    // A range is judged by its net diff: a line added and removed again inside it is gone, and
    // what the policy forbids here is code, not history (riskgate history reads history).
    // Whole-file context fragments are for secrets spanning lines, not added lines.
    if (fragment.commit || fragment.kind != collect::FragmentKind::kLines) continue;
    ForbidContentIn(rule, fragment, out);
  }
}

void CommitMessage(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out) {
  for (const collect::CommitFacts& commit : facts.commits) {
    if (commit.merge) continue;  // git writes merge messages, not the author
    auto report = [&](const policy::Pattern& pattern, std::string_view verb) {
      auto finding = MakeFinding(rule,
                                 rule.description + ": commit " + commit.id.substr(0, 12) + " \"" +
                                     Subject(commit.message) + "\" " + std::string(verb) + " /" +
                                     pattern.source() + "/",
                                 "", 0, 0, commit.id + '\0' + pattern.source());
      finding.location.commit = commit.id;
      out.push_back(std::move(finding));
    };
    for (const auto& pattern : rule.must_match) {
      if (!Matches(*pattern, commit.message)) report(*pattern, "does not match");
    }
    for (const auto& pattern : rule.must_not_match) {
      if (Matches(*pattern, commit.message)) report(*pattern, "matches");
    }
  }
}

}  // namespace riskgate::evaluate::custom
