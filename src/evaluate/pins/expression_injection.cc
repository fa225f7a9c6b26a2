#include "evaluate/pins/expression_injection.h"

#include <algorithm>
#include <array>

#include "core/regex.h"
#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

// Attacker-controlled contexts (Scorecard's Dangerous-Workflow list plus workflow_run's head).
// Matched against the expression lower-cased with spaces removed.
const core::Regex& DangerousContext() {
  static const core::Regex re(
      R"((github\.head_ref)"
      R"(|github\.event\.(?:issue|pull_request|discussion)\.(?:title|body))"
      R"(|github\.event\.(?:comment|review|review_comment)\.body)"
      R"(|github\.event\.pages(?:\[[^\]]*\]|\.\*)\.page_name)"
      R"(|github\.event\.commits(?:\[[^\]]*\]|\.\*)\.(?:message|author\.(?:email|name)))"
      R"(|github\.event\.head_commit\.(?:message|author\.(?:email|name)))"
      R"(|github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch))"
      R"(|github\.event\.blocked_user\.(?:name|email))"
      R"(|github\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name))))"
      R"(|tojson\(github(?:\.event)?\)))");
  return re;
}

}  // namespace

std::string DotIndexes(std::string_view text) {
  auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  };
  auto skip_blanks = [&](std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    return i;
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '[') {
      std::size_t q = skip_blanks(i + 1);
      if (q < text.size() && (text[q] == '\'' || text[q] == '"')) {
        const char quote = text[q];
        std::size_t name_end = q + 1;
        while (name_end < text.size() && is_name(text[name_end])) ++name_end;
        const std::size_t close = skip_blanks(name_end + 1);
        if (name_end > q + 1 && name_end < text.size() && text[name_end] == quote &&
            close < text.size() && text[close] == ']') {
          out += '.';
          out.append(text.substr(q + 1, name_end - q - 1));
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<ExpressionAt> Expressions(std::string_view text) {
  std::vector<ExpressionAt> out;
  std::size_t pos = 0;
  while ((pos = text.find("${{", pos)) != std::string_view::npos) {
    const std::size_t end = text.find("}}", pos + 3);
    if (end == std::string_view::npos) break;
    std::string normalized;
    for (char c : text.substr(pos + 3, end - pos - 3)) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') normalized += c;
    }
    const std::string_view before = text.substr(0, pos);
    const auto line_start = before.rfind('\n');
    ExpressionAt found;
    found.line_offset = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    found.column =
        static_cast<int>(pos - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
    found.normalized = core::AsciiLower(DotIndexes(normalized));
    found.written = std::string(core::TrimSpace(text.substr(pos + 3, end - pos - 3)));
    out.push_back(std::move(found));
    pos = end + 2;
  }
  return out;
}

std::string AttackerContext(std::string_view normalized) {
  std::array<std::string_view, 2> context;  // the match and its one group
  if (!DangerousContext().PartialMatch(normalized, context)) return "";
  return std::string(context[1]);
}

std::vector<InjectedExpression> FindInjectedExpressions(std::string_view script) {
  std::vector<InjectedExpression> out;
  for (const ExpressionAt& at : Expressions(script)) {
    std::string context = AttackerContext(at.normalized);
    if (!context.empty()) out.push_back({at.line_offset, at.column, std::move(context)});
  }
  return out;
}

std::string EnvNameFor(std::string_view expression) {
  // The last two path segments: github.event.issue.title -> ISSUE_TITLE.
  std::string_view tail = expression;
  if (auto last = tail.rfind('.'); last != std::string_view::npos) {
    auto previous = tail.rfind('.', last - 1);
    tail = previous == std::string_view::npos ? tail : tail.substr(previous + 1);
  }
  std::string name;
  for (char c : tail) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name.empty() ? "UNTRUSTED_INPUT" : name;
}

}  // namespace riskgate::evaluate::pins
