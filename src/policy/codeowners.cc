#include "policy/codeowners.h"

#include <algorithm>

#include "core/path_glob.h"
#include "core/text.h"

namespace riskgate::policy {
namespace {

// Splits a line into words; "\ " is a space inside a word, "\#" a literal '#' (GitLab). An
// unescaped '#' starts a comment.
std::vector<std::string> Words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '#')) {
      word += line[++i];
      in_word = true;
    } else if (c == '#') {
      break;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

bool IsOwner(std::string_view owner) {
  if (owner.size() > 1 && owner.front() == '@') {
    const auto rest = owner.substr(1);
    return rest.find_first_of(" @") == std::string_view::npos && !rest.starts_with('/') &&
           !rest.ends_with('/');
  }
  const auto at = owner.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < owner.size() &&
         owner.find('@', at + 1) == std::string_view::npos;
}

// "[Name]", "[Name][2]", "^[Name]", each optionally followed by default owners (GitLab).
bool ParseSection(std::string_view line, int number, const std::string& file,
                  CodeownersSection& section, core::Diagnostics& diagnostics) {
  std::string_view rest = line;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  section.optional = rest.starts_with('^');
  if (section.optional) rest.remove_prefix(1);
  const auto close = rest.find(']');
  if (!rest.starts_with('[') || close == std::string_view::npos || close == 1) {
    diagnostics.Add(file, {number, 1}, "", "malformed section header (expected [Name])");
    return false;
  }
  section.name = std::string(rest.substr(1, close - 1));
  rest.remove_prefix(close + 1);
  if (rest.starts_with('[')) {
    const auto end = rest.find(']');
    const auto count = rest.substr(1, end == std::string_view::npos ? 0 : end - 1);
    const bool digits = end != std::string_view::npos && !count.empty() && count.size() < 4 &&
                        count.find_first_not_of("0123456789") == std::string_view::npos;
    int approvals = 0;
    for (const char c : digits ? count : std::string_view()) approvals = approvals * 10 + (c - '0');
    if (!digits || approvals < 1) {
      diagnostics.Add(file, {number, 1}, "", "section approvals must be [N] with N >= 1");
      return false;
    }
    section.approvals = approvals;
    rest.remove_prefix(end + 1);
  }
  for (auto& owner : Words(rest)) {
    if (!IsOwner(owner)) {
      diagnostics.Add(
          file, {number, 1}, "",
          "'" + core::EscapeForDisplay(owner) + "' is not an owner (@user, @org/team or email)");
      return false;
    }
    section.default_owners.push_back(std::move(owner));
  }
  return true;
}

}  // namespace

Codeowners ParseCodeowners(std::string_view text, const std::string& file,
                           CodeownersDialect dialect, core::Diagnostics& diagnostics) {
  Codeowners out;
  out.file = file;
  out.sections.emplace_back();
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    if (dialect == CodeownersDialect::kGitlab &&
        (line[first] == '[' || (line[first] == '^' && line.substr(first + 1).starts_with('[')))) {
      CodeownersSection section;
      if (ParseSection(line, number, file, section, diagnostics)) {
        // Headers with the same name (ignoring case) form one section, and the most
        // restrictive header wins (gitlab#232995): required if any header is, the highest
        // [N], the default owners of every header.
        bool merged = false;
        for (std::size_t i = 1; i < out.sections.size() && !merged; ++i) {
          if (core::AsciiLower(out.sections[i].name) != core::AsciiLower(section.name)) continue;
          // Move it last so the rules that follow are appended to it.
          auto existing = std::move(out.sections[i]);
          existing.optional = existing.optional && section.optional;
          existing.approvals = std::max(existing.approvals, section.approvals);
          for (auto& owner : section.default_owners) {
            if (std::find(existing.default_owners.begin(), existing.default_owners.end(), owner) ==
                existing.default_owners.end()) {
              existing.default_owners.push_back(std::move(owner));
            }
          }
          out.sections.erase(out.sections.begin() + static_cast<std::ptrdiff_t>(i));
          out.sections.push_back(std::move(existing));
          merged = true;
        }
        if (!merged) out.sections.push_back(std::move(section));
      }
      continue;
    }
    auto words = Words(line);
    if (words.empty()) continue;
    CodeownersRule rule;
    rule.pattern = std::move(words[0]);
    rule.line = number;
    bool ok = true;
    if (dialect == CodeownersDialect::kGitlab && rule.pattern.starts_with('!')) {
      rule.negated = true;
      rule.pattern.erase(0, 1);
    }
    if (dialect == CodeownersDialect::kGithub &&
        (rule.pattern.starts_with('!') || rule.pattern.find('[') != std::string::npos)) {
      diagnostics.Add(file, {number, 1}, "",
                      "GitHub CODEOWNERS does not support '!' negation or [ ] ranges");
      ok = false;
    } else if (auto error = core::PathGlobError(rule.pattern)) {
      diagnostics.Add(file, {number, 1}, "", "bad pattern: " + *error);
      ok = false;
    }
    for (std::size_t i = 1; i < words.size() && ok; ++i) {
      if (!IsOwner(words[i])) {
        diagnostics.Add(file, {number, 1}, "",
                        "'" + core::EscapeForDisplay(words[i]) +
                            "' is not an owner (@user, @org/team or email)");
        ok = false;
      }
      rule.owners.push_back(std::move(words[i]));
    }
    if (ok) out.sections.back().rules.push_back(std::move(rule));
  }
  return out;
}

bool CodeownersPatternMatches(std::string_view pattern, std::string_view path) {
  std::string body(pattern);
  const bool dir_only = body.size() > 1 && body.ends_with('/');
  while (body.size() > 1 && body.ends_with('/')) body.pop_back();
  const bool anchored = body.starts_with('/') || body.find('/') != std::string::npos;
  while (body.starts_with('/')) body.erase(0, 1);
  if (body.empty()) return false;
  const std::string glob = anchored ? body : "**/" + body;
  // A pattern whose last segment is literal can name a directory: it owns what is inside.
  const auto last = body.substr(body.rfind('/') == std::string::npos ? 0 : body.rfind('/') + 1);
  const bool may_be_dir = dir_only || last.find_first_of("*?[") == std::string::npos;
  if (!dir_only && core::MatchPathGlob(glob, path)) return true;
  return may_be_dir && core::MatchPathGlob(glob + "/**", path);
}

std::vector<RequiredOwners> OwnersOf(const Codeowners& codeowners, std::string_view path) {
  std::vector<RequiredOwners> out;
  for (const auto& section : codeowners.sections) {
    const CodeownersRule* decided = nullptr;
    for (const auto& rule : section.rules) {
      if (CodeownersPatternMatches(rule.pattern, path)) decided = &rule;
    }
    if (decided == nullptr || decided->negated) continue;
    const auto& owners = decided->owners.empty() ? section.default_owners : decided->owners;
    if (owners.empty()) continue;  // un-owned
    out.push_back({section.name, section.optional, section.approvals, owners, decided->line});
  }
  return out;
}

std::vector<std::string> CodeownersLocations(CodeownersDialect dialect) {
  if (dialect == CodeownersDialect::kGithub) {
    return {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"};
  }
  return {"CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"};
}

}  // namespace riskgate::policy
