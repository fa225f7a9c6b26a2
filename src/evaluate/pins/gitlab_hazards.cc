#include "evaluate/pins/gitlab_hazards.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/gitlab_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Predefined variables whose text the author of a merge request, commit, branch or tag writes.
bool AttackerVariable(std::string_view name) {
  static const core::Regex names(
      R"(CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME|LABELS|MILESTONE)|CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION|REF_NAME|REF_SLUG|BRANCH|TAG|TAG_MESSAGE|AUTHOR)|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME|GITLAB_USER_NAME)");
  return names.FullMatch(name);
}

// The first attacker variable of the command `text` starts that the shell expands (outside
// single quotes), or "".
std::string ExpandedVariable(std::string_view text) {
  bool single = false;
  bool dquote = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && !single) {
      ++i;
      continue;
    }
    if (c == '\'' && !dquote) single = !single;
    if (c == '"' && !single) dquote = !dquote;
    // The evaluated command ends at an unquoted separator: what follows is another command.
    if (!single && !dquote && (c == ';' || c == '&' || c == '|')) return "";
    if (c != '$' || single) continue;
    std::size_t start = i + 1;
    if (start < text.size() && text[start] == '{') ++start;
    std::size_t end = start;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
      ++end;
    }
    const std::string_view name = text.substr(start, end - start);
    if (AttackerVariable(name)) return std::string(name);
  }
  return "";
}

void CheckScalar(const Node& node, const SourceLines& lines, std::vector<PinIssue>& out) {
  const int first_line = lines.BodyFirstLine(node);
  std::size_t start = 0;
  int offset = 0;
  while (start <= node.scalar.size()) {
    // One command: lines ending in a backslash continue on the next (`eval \`, then the code).
    const int command_offset = offset;
    std::string line;
    for (;;) {
      std::size_t end = node.scalar.find('\n', start);
      if (end == std::string::npos) end = node.scalar.size();
      line.append(std::string_view(node.scalar).substr(start, end - start));
      start = end + 1;
      ++offset;
      if (line.empty() || line.back() != '\\' || start > node.scalar.size()) break;
      line.back() = ' ';
    }
    if (const std::string variable = GitlabInjectedVariable(line); !variable.empty()) {
      out.push_back({"script-injection",
                     first_line + command_offset,
                     first_line == node.mark.line ? node.mark.column : 1,
                     "$" + variable +
                         " (text the merge request's or commit's author writes) is expanded "
                         "into code that is parsed again (eval, sh -c, an interpreter's -c/-e): "
                         "whoever writes that text controls the code",
                     "use the variable as data: pass \"$" + variable +
                         "\" as an argument or read it from the environment inside the code "
                         "(sh -c '… \"$" +
                         variable + "\"', os.environ), never spliced into the code's text",
                     "keep protected variables and deploy credentials out of jobs that run for "
                     "merge requests",
                     {}});
    }
  }
}

void Walk(const Node& node, const SourceLines& lines, int depth, std::vector<PinIssue>& out) {
  if (depth > 64 || node.tag == "!reference") return;
  if (node.kind == Node::Kind::kScalar) CheckScalar(node, lines, out);
  for (const Node& item : node.items) Walk(item, lines, depth + 1, out);
  for (const auto& field : node.fields) Walk(field.second, lines, depth + 1, out);
}

void CheckCache(const Node* cache, std::vector<PinIssue>& out) {
  if (cache == nullptr) return;
  if (cache->IsList()) {
    for (const Node& item : cache->items) CheckCache(&item, out);
    return;
  }
  const Node* unprotect = cache->IsMap() ? cache->Find("unprotect") : nullptr;
  if (unprotect == nullptr || core::AsciiLower(core::TrimSpace(unprotect->scalar)) != "true") {
    return;
  }
  out.push_back({"cache-poisoning",
                 unprotect->mark.line,
                 unprotect->mark.column,
                 "`cache: unprotect: true` shares the cache between protected and unprotected "
                 "refs: a branch anyone with push access creates writes what the default "
                 "branch and the release tags restore",
                 "remove `unprotect: true` (GitLab keeps protected refs' caches apart by "
                 "default)",
                 "do not restore caches in jobs that build releases",
                 {}});
}

}  // namespace

std::string GitlabInjectedVariable(std::string_view line) {
  // A command that parses its argument (or the rest of the line) as code again; what follows
  // it is scanned with its own quoting (the evaluator itself is not inside quotes).
  static const core::Regex evaluator(
      R"((?:^|[\s;&|(`])(?:eval|(?:ba|z|k|da|mk)?sh\s+(?:-[a-z]+\s+)*-[a-z]*c|python[0-9.]*\s+-c|node\s+(?:-e|--eval|-p)|ruby\s+-e|perl\s+-[a-zA-Z]*e|php\s+-r|pwsh\s+-c(?:ommand)?|powershell\s+-c(?:ommand)?|Invoke-Expression|iex)\b)");
  std::array<std::string_view, 1> match{};
  std::size_t from = 0;
  while (from < line.size() && evaluator.Match(line, from, core::RegexAnchor::kUnanchored, match)) {
    const std::size_t after =
        static_cast<std::size_t>(match[0].data() - line.data()) + match[0].size();
    if (std::string variable = ExpandedVariable(line.substr(after)); !variable.empty()) {
      return variable;
    }
    from = std::max(after, from + 1);
  }
  return "";
}

std::vector<PinIssue> CheckGitlabHazards(const Node& config, const SourceLines& lines) {
  std::vector<PinIssue> out;
  if (!config.IsMap()) return out;
  Walk(config, lines, 0, out);
  if (const Node* defaults = config.Find("default"); defaults != nullptr && defaults->IsMap()) {
    CheckCache(defaults->Find("cache"), out);
  }
  CheckCache(config.Find("cache"), out);
  for (const auto& [name, job] : config.fields) {
    if (IsGitlabJobKey(name) && job.IsMap()) CheckCache(job.Find("cache"), out);
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
