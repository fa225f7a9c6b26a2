// Stage 3 (evaluate): where attacker-controlled text flows in a GitHub workflow or a composite
// action, for the injection rules. Sources are ranked by who controls them: the event's text
// that anyone who opens a pull request, an issue or a comment writes (titles, bodies, branch
// names, commit messages; `expression_injection.h`), and the outputs of actions listed as
// carrying it, are the attacker's; a reusable workflow's or a composite action's string
// `inputs.*` are the caller's (what the caller passes may be the attacker's). The value then
// travels through `env:` (workflow, job, step), `strategy.matrix`, step outputs (a run step
// writing `NAME=…` to $GITHUB_OUTPUT) and job outputs (`needs.<job>.outputs.*`); a sink expands
// it (`${{ }}` in `run:` or in an input an action runs as code).
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "collect/action_facts.h"
#include "core/document.h"
#include "policy/pins_actions.h"

namespace riskgate::evaluate::pins {

enum class Control { kCaller = 1, kAttacker = 2 };

struct Taint {
  Control control = Control::kAttacker;
  std::string source;  // where the text comes from: "github.event.issue.title", "inputs.x"
  std::string via;     // the environment variable that last carried it, as declared ("TITLE")
};

using TaintMap = std::map<std::string, Taint, std::less<>>;

// The tainted names of one level (the workflow, a job, a step), lower case: `env.NAME`,
// `matrix.NAME`, `steps.ID.outputs.NAME` (as "id.name"), `needs.JOB.outputs.NAME` (as
// "job.name"), `inputs.NAME`. A level sees its `parent`'s names without copying them (a
// workflow of thousands of steps must not copy its job's names thousands of times): its own
// env shadows the parent's, `cleared` names its env set to clean text, and a step sees only
// the outputs of the steps before it (`written_at` < `visible_steps`).
struct TaintScope {
  TaintMap env, matrix, steps, needs, inputs;
  const TaintScope* parent = nullptr;
  std::set<std::string, std::less<>> cleared;
  std::map<std::string, std::size_t, std::less<>> written_at;  // step output -> its step's index
  std::size_t visible_steps = static_cast<std::size_t>(-1);
};

struct TaintedExpression {
  int line_offset = 0;     // 0-based line within the text
  int column = 0;          // 1-based column within that line
  std::string expression;  // the expression as written ("env.TITLE")
  std::string normalized;  // the same lower case, without blanks ("env.title")
  Taint taint;
};

// The tainted `${{ }}` expressions of `text` (each with its strongest source).
std::vector<TaintedExpression> FindTaintedExpressions(std::string_view text,
                                                      const TaintScope& scope);
// The strongest taint of any `${{ }}` expression in `text`.
std::optional<Taint> TaintOfText(std::string_view text, const TaintScope& scope);
// The strongest taint of a variable (`$NAME`, `${NAME}`, `$env:NAME`, `%NAME%`) of `text` that the
// step's environment holds tainted.
std::optional<Taint> TaintOfShellVariables(std::string_view text, const TaintScope& scope);

// The scope of every step of a workflow (or of a composite action's `runs.steps`), computed
// once: look one up by the step's node.
class WorkflowTaint {
 public:
  // `given`: the inputs (lower case) that a workflow of the repository passes the attacker's
  // text (collect::LocalCallers): those are the attacker's, the others the caller's.
  WorkflowTaint(const core::Node& root, bool action_metadata,
                const policy::ActionNames& untrusted_outputs,
                const collect::CallerInputs* given = nullptr);
  // The scope at `step` (its own `env:` included); an empty scope for an unknown node.
  const TaintScope& AtStep(const core::Node& step) const;
  // The scope of a job (its `env:`, matrix and needs); an empty scope for an unknown node.
  const TaintScope& AtJob(const core::Node& job) const;

 private:
  void AddSteps(const core::Node& steps, const policy::ActionNames& untrusted_outputs,
                const std::string& text, TaintScope& job);

  std::deque<TaintScope> levels_;  // the workflow's and each job's, at stable addresses
  std::map<const core::Node*, TaintScope> steps_;
  std::map<const core::Node*, const TaintScope*> jobs_;
  TaintScope empty_;
};

}  // namespace riskgate::evaluate::pins
