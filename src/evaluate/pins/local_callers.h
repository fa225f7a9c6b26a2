// Stage 3 (evaluate): what the workflows of a repository pass to its own composite actions and
// reusable workflows (`uses: ./dir`, `uses: ./.github/workflows/x.yml`, with `with:`): the
// inputs some caller gives the attacker's text (an issue's title, through env, the matrix or
// outputs as the taint model follows it), so that the callee's expansions of those inputs are
// judged as the attacker's (`script-injection`), not as a caller's (`script-injection-input`).
// Pure: the workflows' texts in, plain data out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "collect/action_facts.h"
#include "core/document.h"
#include "evaluate/pins/workflow_taint.h"
#include "policy/pins_actions.h"

namespace riskgate::evaluate::pins {

// One `with:` value of a local call that carries the attacker's text.
struct AttackerArgument {
  std::string callee;  // as LocalCallee gives it
  std::string name;    // the input, as written
  const core::Node* value = nullptr;
  Taint taint;
};

// The `with:` values of `call` (a step or a job that `uses:` a local action or workflow) that
// carry the attacker's text in `scope`; none for any other call.
std::vector<AttackerArgument> AttackerArguments(const core::Node& call, const TaintScope& scope);

// The callers' attacker inputs of every local action and reusable workflow that `workflows`
// (path, text) call; for each input the first caller found.
collect::LocalCallers FindLocalCallers(
    const std::vector<std::pair<std::string, std::string>>& workflows,
    const policy::ActionNames& untrusted_outputs);

// The callee a `uses:` value names when it is local ("./dir", "./.github/workflows/x.yml"),
// without "./" and a trailing '/'; nullopt for any other action.
std::optional<std::string> LocalCallee(std::string_view uses);
// The files a callee may be, in the order GitHub looks: the workflow itself, or the folder's
// action.yml then action.yaml.
std::vector<std::string> LocalCalleeFiles(const std::string& callee);
// Whether a callee is a reusable workflow (else a composite action's folder).
bool IsWorkflowCallee(std::string_view callee);

// What a caller names the file at `path` by: its folder for an action.yml or action.yaml ("" at
// the repository's root), else the path itself (a reusable workflow).
std::string LocalCalleeKey(std::string_view path);

}  // namespace riskgate::evaluate::pins
