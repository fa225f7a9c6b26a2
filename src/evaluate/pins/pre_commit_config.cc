#include "evaluate/pins/pre_commit_config.h"

#include "core/text.h"
#include "evaluate/pins/commit_ref.h"
#include "evaluate/pins/parse_issue.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {

bool IsPreCommitConfig(std::string_view path) {
  return path == ".pre-commit-config.yaml" || path == ".pre-commit-config.yml";
}

std::vector<PinIssue> CheckPreCommitConfig(std::string_view text, const std::string& path) {
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  if (!root) return ParseIssues(diagnostics);
  std::vector<PinIssue> out;
  const core::Node* repos = root->Find("repos");
  if (repos != nullptr) {
    for (const core::Node& entry : repos->items) {
      const core::Node* repo = entry.Find("repo");
      const core::Node* rev = entry.Find("rev");
      if (repo == nullptr || repo->kind != core::Node::Kind::kScalar) continue;
      const std::string url(core::TrimSpace(repo->scalar));
      if (url == "local" || url == "meta") continue;  // hooks defined here, nothing fetched
      const std::string ref = rev != nullptr && rev->kind == core::Node::Kind::kScalar
                                  ? std::string(core::TrimSpace(rev->scalar))
                                  : std::string();
      if (IsFullCommitSha(ref)) continue;
      const core::Node& at = rev != nullptr ? *rev : *repo;
      out.push_back({"unpinned-pre-commit-hook",
                     at.mark.line,
                     at.mark.column,
                     "pre-commit runs the hooks of '" + url + "' at " +
                         (ref.empty() ? std::string("no rev") : "the mutable ref '" + ref + "'") +
                         " on every developer's machine and in CI: whoever can move that ref "
                         "decides what code runs there",
                     "rev: <40-hex commit sha>  # frozen: " + (ref.empty() ? "vX.Y.Z" : ref) +
                         "\n`pre-commit autoupdate --freeze` writes these lines",
                     "run pre-commit in CI without secrets in its environment",
                     {}});
    }
  }
  auto parse = ParseIssues(diagnostics);  // duplicate keys parse but hide a value
  out.insert(out.end(), parse.begin(), parse.end());
  return out;
}

}  // namespace riskgate::evaluate::pins
