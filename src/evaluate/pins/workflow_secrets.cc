#include "evaluate/pins/workflow_secrets.h"

#include "core/regex.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

void CheckScalar(const Node& node, const SourceLines& lines, std::vector<PinIssue>& out) {
  // Index syntax with a literal is a dot after normalisation: a `secrets[` left is computed.
  static const core::Regex every(R"((?:^|[^a-z0-9_.])(?:tojson\(secrets\)|secrets\[))");
  static const core::Regex field(R"(fromjson\(secrets\.[a-z0-9_-]+\)(?:\.|\[))");
  const int first_line = lines.BodyFirstLine(node);
  for (const ExpressionAt& at : Expressions(node.scalar)) {
    const int line = first_line + at.line_offset;
    const int column = first_line == node.mark.line ? node.mark.column + at.column - 1 : at.column;
    if (every.PartialMatch(at.normalized)) {
      out.push_back({"overprovisioned-secrets",
                     line,
                     column,
                     "`${{ " + at.written +
                         " }}` hands the job every secret of the repository and organisation "
                         "(or one chosen at run time), whatever it needs: one leak of the job "
                         "leaks them all",
                     "name each secret the step needs: `${{ secrets.NAME }}`",
                     "keep the job's secrets in an environment that holds only its own",
                     {}});
    }
    if (field.PartialMatch(at.normalized)) {
      out.push_back({"unredacted-secrets",
                     line,
                     column,
                     "`${{ " + at.written +
                         " }}` takes a field of a secret holding JSON: GitHub masks the "
                         "secret's whole text in logs, not the values inside it, so this one "
                         "prints in clear",
                     "store each value the workflow uses as a secret of its own",
                     "register the value for masking before use (`echo \"::add-mask::$VALUE\"`)",
                     {}});
    }
  }
}

}  // namespace

std::vector<PinIssue> CheckSecretUse(const Node& root, const SourceLines& lines) {
  std::vector<PinIssue> out;
  ForEachScalar(root, [&](const Node& scalar) { CheckScalar(scalar, lines, out); });
  return out;
}

}  // namespace riskgate::evaluate::pins
