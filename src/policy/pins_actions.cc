#include "policy/pins_actions.h"

#include "core/text.h"

namespace riskgate::policy {

const ActionNames& DefaultScriptInputs() {
  // Each from the action's own README: the input is evaluated as code by an interpreter.
  static const ActionNames names = {
      {"actions/github-script", {"script"}},              // JavaScript
      {"mikefarah/yq", {"cmd"}},                          // a shell command line
      {"sergeysova/jq-action", {"cmd"}},                  // a shell command line
      {"azure/cli", {"inlinescript"}},                    // bash
      {"azure/powershell", {"inlinescript"}},             // PowerShell
      {"jannekem/run-python-script-action", {"script"}},  // Python
      {"appleboy/ssh-action", {"script"}},                // a remote shell
      {"addnab/docker-run-action", {"run"}},              // a shell in the container
      {"cardinalby/js-eval-action", {"expression"}},      // JavaScript
      {"satackey/action-js-inline", {"script"}},          // JavaScript
      {"nick-fields/retry", {"command"}},                 // a shell command
      {"nick-invision/retry", {"command"}},               // the same, its old name
      {"wandalen/wretry.action", {"command"}},            // a shell command
      {"pwsh/pwsh-action", {"script"}},                   // PowerShell
  };
  return names;
}

const ActionNames& DefaultUntrustedOutputs() {
  // Outputs whose text a pull request's author writes: file and branch names, comment bodies.
  static const ActionNames names = {
      {"tj-actions/changed-files", {"*"}},
      {"dorny/paths-filter", {"*_files"}},
      {"jitterbit/get-changed-files", {"*"}},
      {"tj-actions/branch-names", {"current_branch", "head_ref_branch", "ref_branch"}},
      {"xt0rted/pull-request-comment-branch", {"head_ref"}},
      {"peter-evans/find-comment", {"comment-body"}},
      {"khan/pull-request-comment-trigger", {"comment_body"}},
      {"actions-ecosystem/action-get-merged-pull-request", {"title", "body", "labels"}},
      {"8bitjonny/gh-get-current-pr", {"pr_title", "pr_body"}},
  };
  return names;
}

std::vector<std::string> NamesFor(const ActionNames& names, std::string_view uses) {
  std::string name = core::AsciiLower(core::TrimSpace(uses));
  if (name.starts_with("./") || name.starts_with("$/") || name.starts_with("docker://")) return {};
  if (const auto at = name.rfind('@'); at != std::string::npos) name.resize(at);
  std::vector<std::string> out;
  auto add = [&](const std::string& key) {
    if (const auto found = names.find(key); found != names.end()) {
      out.insert(out.end(), found->second.begin(), found->second.end());
    }
  };
  add(name);
  const auto slash = name.find('/');
  const auto second = slash == std::string::npos ? std::string::npos : name.find('/', slash + 1);
  if (second != std::string::npos) add(name.substr(0, second));
  return out;
}

}  // namespace riskgate::policy
