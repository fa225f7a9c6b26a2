#include "evaluate/pins/workflow_permissions.h"

#include <string>

#include "core/text.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

std::string Lower(const Node* node) { return core::AsciiLower(core::TrimSpace(ScalarOr(node))); }

// The scopes a `permissions:` map grants `write`, comma-separated ("contents, id-token").
std::string WriteScopes(const Node* permissions) {
  std::string out;
  if (permissions == nullptr || !permissions->IsMap()) return out;
  for (const auto& [scope, level] : permissions->fields) {
    if (Lower(&level) != "write") continue;
    out += (out.empty() ? "" : ", ") + scope;
  }
  return out;
}

void CheckReadAll(const Node* permissions, const std::string& whose, std::vector<PinIssue>& out) {
  if (permissions == nullptr || Lower(permissions) != "read-all") return;
  out.push_back({"excessive-permissions",
                 permissions->mark.line,
                 permissions->mark.column,
                 whose + " grants GITHUB_TOKEN read access to every scope (`permissions: "
                         "read-all`): packages, security events, actions' logs and artifacts, "
                         "private issues, whatever the jobs need or not",
                 "list the scopes the jobs read, e.g. `permissions: {contents: read}`",
                 "",
                 {}});
}

}  // namespace

std::vector<PinIssue> CheckPermissionScopes(const Node& root) {
  std::vector<PinIssue> out;
  if (!root.IsMap()) return out;
  const Node* top = root.Find("permissions");
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return out;
  // The top's read-all reaches only the jobs without their own block (Scorecard's template
  // writes `read-all` at the top and each job's scopes below it: nothing inherits it).
  bool any_inherits = false;
  for (const auto& [id, job] : jobs->fields) {
    any_inherits = any_inherits || (job.IsMap() && job.Find("permissions") == nullptr);
  }
  if (any_inherits) CheckReadAll(top, "the workflow", out);
  const std::string top_writes = Lower(top) == "write-all" ? "every scope" : WriteScopes(top);
  int inheriting = 0;
  for (const auto& [id, job] : jobs->fields) {
    if (!job.IsMap()) continue;
    const Node* own = job.Find("permissions");
    CheckReadAll(own, "job '" + id + "'", out);
    if (own != nullptr) continue;
    ++inheriting;
    const Node* uses = job.Find("uses");
    if (uses == nullptr || top_writes.empty() || top_writes == "every scope") continue;
    out.push_back({"excessive-permissions",
                   uses->mark.line,
                   uses->mark.column,
                   "job '" + id +
                       "' calls a reusable workflow without its own `permissions:`, so the "
                       "called workflow (code kept elsewhere) gets the write scopes the "
                       "workflow grants at the top (" +
                       top_writes + ")",
                   "give the job the scopes the called workflow needs: `permissions:` under "
                   "`" +
                       id + ":`",
                   "pin the called workflow to a commit SHA",
                   {}});
  }
  // write-all is reported where it is written (github_workflow.cc).
  if (inheriting >= 2 && !top_writes.empty() && top_writes != "every scope") {
    core::Mark at = top->mark;  // the key `permissions:` (a block map starts at its first key)
    for (std::size_t i = 0; i < root.fields.size(); ++i) {
      if (root.fields[i].first == "permissions") at = root.key_marks[i];
    }
    out.push_back({"excessive-permissions",
                   at.line,
                   at.column,
                   "the workflow grants write scopes (" + top_writes +
                       ") at the top, so every job without its own `permissions:` (" +
                       std::to_string(inheriting) + " here) gets them, whether it writes or not",
                   "grant read scopes at the top (`permissions: {contents: read}`) and the "
                   "write scopes in the one job that writes",
                   "",
                   {}});
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
