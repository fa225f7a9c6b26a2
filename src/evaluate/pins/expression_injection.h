// Stage 3 (evaluate): finds GitHub Actions expressions (`${{ ... }}`) that expand
// attacker-controlled context (issue and PR titles and bodies, comments, head refs, commit
// messages and authors, toJSON(github...)) inside a script, where they become code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::pins {

struct InjectedExpression {
  int line_offset = 0;     // 0-based line within the script
  int column = 0;          // 1-based column within that line
  std::string expression;  // the context it reads, e.g. "github.event.issue.title"
};

// `text` with GitHub expression index syntax written as property access: `github['head_ref']`
// and `github.event["pull_request"]` become `github.head_ref` and `github.event.pull_request`,
// so a check for a context name cannot be evaded by spelling it as an index.
std::string DotIndexes(std::string_view text);

// One `${{ }}` expression of a text.
struct ExpressionAt {
  int line_offset = 0;     // 0-based line within the text
  int column = 0;          // 1-based column of its `${{` within that line
  std::string normalized;  // its inside lower case, without blanks, index syntax as dots
  std::string written;     // its inside as written, without the blanks around it
};
// Every closed `${{ }}` expression of `text`, in order.
std::vector<ExpressionAt> Expressions(std::string_view text);

// The attacker-controlled context a normalized expression reads ("github.event.issue.title"),
// or "" when it reads none.
std::string AttackerContext(std::string_view normalized);

std::vector<InjectedExpression> FindInjectedExpressions(std::string_view script);

// An environment variable name for `expression`, e.g. ISSUE_TITLE.
std::string EnvNameFor(std::string_view expression);

}  // namespace riskgate::evaluate::pins
