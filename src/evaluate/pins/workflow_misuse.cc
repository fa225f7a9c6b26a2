#include "evaluate/pins/workflow_misuse.h"

#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Whether an action reference's path has a segment GitHub normalises away (a trailing `/`,
// `./` alone for the repository's root action, is plain).
bool OddUsesPath(std::string_view uses) {
  if (uses.starts_with("docker://")) return false;
  std::string_view path = uses.substr(0, uses.rfind('@'));
  if (path.starts_with("./") || path.starts_with("$/")) path.remove_prefix(2);
  while (path.ends_with('/')) path.remove_suffix(1);
  if (path.empty()) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

// Whether a normalized expression is literals alone (a string made of strings): outside its
// quotes only the pure functions (format, join, toJSON, fromJSON, contains, startsWith,
// endsWith) and true/false/null; hashFiles() reads files, a context name reads the run.
bool LiteralsOnly(std::string_view normalized) {
  if (normalized.find('\'') == std::string_view::npos) return false;  // true, 1, null
  std::string outside;
  bool quoted = false;
  for (char c : normalized) {
    if (c == '\'') quoted = !quoted;
    outside += quoted || c == '\'' ? ' ' : c;
  }
  static const core::Regex name(R"([a-z_][a-z0-9_-]*)");
  core::RegexMatches names(name, outside);
  while (names.Next()) {
    const std::string_view word = names.group(0);
    if (word != "format" && word != "join" && word != "tojson" && word != "fromjson" &&
        word != "contains" && word != "startswith" && word != "endswith" && word != "true" &&
        word != "false" && word != "null") {
      return false;
    }
  }
  return true;
}

void CheckScalar(const Node& node, const SourceLines& lines, std::vector<PinIssue>& out) {
  const int first_line = lines.BodyFirstLine(node);
  for (const ExpressionAt& at : Expressions(node.scalar)) {
    if (!LiteralsOnly(at.normalized)) continue;
    out.push_back({"obfuscation",
                   first_line + at.line_offset,
                   first_line == node.mark.line ? node.mark.column + at.column - 1 : at.column,
                   "`${{ " + at.written +
                       " }}` is made of literals alone: it evaluates to fixed text, which only "
                       "hides from a reviewer (and from pattern checks) what the line says",
                   "write the text it evaluates to",
                   "",
                   {}});
  }
}

void CheckStep(const Node& step, const SourceLines& lines, std::vector<PinIssue>& out) {
  if (const Node* uses = step.Find("uses"); uses != nullptr) {
    const std::string value(core::TrimSpace(ScalarOr(uses)));
    if (OddUsesPath(value)) {
      out.push_back({"obfuscation",
                     uses->mark.line,
                     uses->mark.column,
                     "'" + value +
                         "' has an empty, `.` or `..` path segment: GitHub runs the "
                         "normalised action, which is not the one a reviewer or a deny-list "
                         "reads here",
                     "write the action's plain path (owner/repo[/path]@ref)",
                     "",
                     {}});
    }
    const std::string action = core::AsciiLower(value.substr(0, value.rfind('@')));
    const Node* with = step.Find("with");
    if (action == "actions/create-github-app-token" || action == "tibdex/github-app-token") {
      bool scoped = false;
      bool whole_owner = false;
      if (with != nullptr && with->IsMap()) {
        for (const auto& [name, value_node] : with->fields) {
          scoped = scoped || name.starts_with("permission-") || name == "permissions";
        }
        whole_owner = with->Find("owner") != nullptr && with->Find("repositories") == nullptr;
      }
      if (!scoped || whole_owner) {
        out.push_back({"github-app",
                       uses->mark.line,
                       uses->mark.column,
                       std::string("the app token is minted ") +
                           (!scoped ? "with every permission the app has" : "") +
                           (!scoped && whole_owner ? " and " : "") +
                           (whole_owner ? "for every repository of the owner's installation" : "") +
                           ": a leak of it, or a compromised step, can do all of that",
                       "name the permissions (`permission-contents: read`, …) and the "
                       "`repositories:` the job needs",
                       "install the app on the fewest repositories with the fewest permissions",
                       {}});
      }
    }
  }
  const Node* run = step.Find("run");
  if (run == nullptr || run->kind != Node::Kind::kScalar) return;
  static const core::Regex insecure(
      R"(\b(?:curl|wget|Invoke-WebRequest|iwr|Invoke-RestMethod|irm|pip3?|npm|yarn|gem|git)\b.*?(?:\bhttp://|\s(?:-k|--insecure|--no-check-certificate|--trusted-host|-SkipCertificateCheck|--strict-ssl(?:=|\s+)false)(?:\s|=|$)))");
  static const core::Regex loopback(R"(http://(?:localhost|127\.|\[::1\]|0\.0\.0\.0)\b)");
  const int first_line = lines.BodyFirstLine(*run);
  std::size_t start = 0;
  for (int offset = 0; start <= run->scalar.size(); ++offset) {
    std::size_t end = run->scalar.find('\n', start);
    if (end == std::string::npos) end = run->scalar.size();
    std::string line = run->scalar.substr(start, end - start);
    start = end + 1;
    // A service the job itself started (http://localhost:8080) travels no network.
    core::RegexMatches local(loopback, line);
    std::vector<std::size_t> at;
    while (local.Next()) at.push_back(local.begin());
    for (std::size_t i : at) line.replace(i, 4, "near");
    // A proxy's URL is plain http:// by design (it tunnels https with CONNECT).
    static const core::Regex proxy(R"((?:--proxy|-x|--proxy-url)(?:\s+|=)\S+)");
    core::RegexMatches proxies(proxy, line);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    while (proxies.Next()) spans.emplace_back(proxies.begin(), proxies.end());
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
      line.erase(it->first, it->second - it->first);
    }
    if (!insecure.PartialMatch(line)) continue;
    const bool http = line.find("http://") != std::string::npos;
    out.push_back({"insecure-url-scheme",
                   first_line + offset,
                   first_line == run->mark.line ? run->mark.column : 1,
                   std::string("the step fetches ") +
                       (http ? "over plain http://" : "with TLS verification turned off") +
                       ": anyone on the network path decides what it gets",
                   "use https:// and keep certificate checks on",
                   "verify what was fetched against a checksum",
                   {}});
  }
}

void CheckSteps(const Node* steps, const SourceLines& lines, std::vector<PinIssue>& out) {
  if (steps == nullptr) return;
  for (const Node& step : steps->items) {
    if (step.IsMap()) CheckStep(step, lines, out);
  }
}

}  // namespace

std::vector<PinIssue> CheckMisuse(const Node& root, const SourceLines& lines) {
  std::vector<PinIssue> out;
  if (!root.IsMap()) return out;
  ForEachScalar(root, [&](const Node& scalar) { CheckScalar(scalar, lines, out); });
  if (const Node* runs = root.Find("runs"); runs != nullptr && runs->IsMap()) {
    CheckSteps(runs->Find("steps"), lines, out);
  }
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return out;
  for (const auto& [id, job] : jobs->fields) {
    if (!job.IsMap()) continue;
    CheckSteps(job.Find("steps"), lines, out);
    if (const Node* uses = job.Find("uses"); uses != nullptr && OddUsesPath(ScalarOr(uses))) {
      out.push_back({"obfuscation",
                     uses->mark.line,
                     uses->mark.column,
                     "'" + ScalarOr(uses) +
                         "' has an empty, `.` or `..` path segment: GitHub runs the normalised "
                         "workflow, which is not the one a reviewer or a deny-list reads here",
                     "write the workflow's plain path",
                     "",
                     {}});
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
