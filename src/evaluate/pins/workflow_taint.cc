#include "evaluate/pins/workflow_taint.h"

#include <fnmatch.h>

#include <array>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/workflow_document.h"
#include "evaluate/pins/workflow_needs.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

void Stronger(std::optional<Taint>& best, const Taint* found) {
  if (found != nullptr && (!best || found->control > best->control)) best = *found;
}

const Taint* Lookup(const TaintMap& names, std::string_view key) {
  const auto found = names.find(key);
  return found == names.end() ? nullptr : &found->second;
}

enum class Context { kEnv, kMatrix, kSteps, kNeeds, kInputs };

const TaintMap& NamesOf(const TaintScope& scope, Context context) {
  switch (context) {
    case Context::kEnv:
      return scope.env;
    case Context::kMatrix:
      return scope.matrix;
    case Context::kSteps:
      return scope.steps;
    case Context::kNeeds:
      return scope.needs;
    case Context::kInputs:
      break;
  }
  return scope.inputs;
}

// Whether a step output of `level` is visible from `from` (written by an earlier step).
bool Visible(const TaintScope& from, const TaintScope& level, std::string_view key) {
  const auto written = level.written_at.find(key);
  return written == level.written_at.end() || written->second < from.visible_steps;
}

// `key` of `context` as `scope` sees it: the nearest level that names it, unless a nearer
// level's env set it clean.
const Taint* Find(const TaintScope& scope, Context context, std::string_view key) {
  for (const TaintScope* level = &scope; level != nullptr; level = level->parent) {
    if (context == Context::kEnv && level->cleared.contains(key)) return nullptr;
    const Taint* found = Lookup(NamesOf(*level, context), key);
    if (found != nullptr && (context != Context::kSteps || Visible(scope, *level, key))) {
      return found;
    }
  }
  return nullptr;
}

// The strongest name of `context` that `scope` sees (a whole context, a computed name).
void StrongestOf(const TaintScope& scope, Context context, std::optional<Taint>& best) {
  for (const TaintScope* level = &scope; level != nullptr; level = level->parent) {
    for (const auto& [key, taint] : NamesOf(*level, context)) {
      if (Find(scope, context, key) == &taint) Stronger(best, &taint);
    }
  }
}

// The strongest source a normalized expression reads, directly or through a name in scope.
std::optional<Taint> TaintOfExpression(std::string_view normalized, const TaintScope& scope) {
  std::optional<Taint> best;
  if (std::string context = AttackerContext(normalized); !context.empty()) {
    return Taint{Control::kAttacker, std::move(context), ""};
  }
  // A context name starts an expression or follows an operator, a parenthesis or a comma: not
  // a property of something else (`github.event.env.x`).
  static const core::Regex named(
      R"((?:^|[^a-z0-9_.-])(env|matrix|inputs|github\.event\.inputs)\.([a-z0-9_-]+))");
  static const core::Regex output(
      R"((?:^|[^a-z0-9_.-])(steps|needs)\.([a-z0-9_-]+)\.outputs\.([a-z0-9_-]+))");
  core::RegexMatches names(named, normalized);
  while (names.Next()) {
    const std::string_view kind = names.group(1);
    const std::string_view name = names.group(2);
    if (kind == "env") Stronger(best, Find(scope, Context::kEnv, name));
    if (kind == "matrix") Stronger(best, Find(scope, Context::kMatrix, name));
    if (kind == "inputs" || kind == "github.event.inputs") {
      Stronger(best, Find(scope, Context::kInputs, name));
    }
  }
  core::RegexMatches outputs(output, normalized);
  while (outputs.Next()) {
    const std::string key = std::string(outputs.group(2)) + "." + std::string(outputs.group(3));
    Stronger(best,
             Find(scope, outputs.group(1) == "steps" ? Context::kSteps : Context::kNeeds, key));
  }
  // A name chosen at run time (`env[format('{0}', 'T')]`: a literal index is a dot by now) or
  // a whole context (`toJSON(env)`) may be any of its names: the strongest of them.
  static const core::Regex whole(
      R"((?:^|[^a-z0-9_.-])(env|matrix|inputs|steps|needs)(?:\[|\.\*|\)|$|[^a-z0-9_.\[-]))");
  core::RegexMatches contexts(whole, normalized);
  while (contexts.Next()) {
    const std::string_view kind = contexts.group(1);
    StrongestOf(scope,
                kind == "env"      ? Context::kEnv
                : kind == "matrix" ? Context::kMatrix
                : kind == "inputs" ? Context::kInputs
                : kind == "steps"  ? Context::kSteps
                                   : Context::kNeeds,
                best);
  }
  return best;
}

// `env:` of a workflow, job or step: each name whose value is tainted, over what `scope` had
// (a name set again to clean text is clean).
void AddEnv(const Node* env, TaintScope& scope) {
  if (env == nullptr || !env->IsMap()) return;
  // Every value is read in the scope around this env:, then the names are set.
  std::vector<std::optional<Taint>> taints;
  for (const auto& [name, value] : env->fields)
    taints.push_back(TaintOfText(ScalarOr(&value), scope));
  for (std::size_t i = 0; i < taints.size(); ++i) {
    const std::string& name = env->fields[i].first;
    const std::string key = core::AsciiLower(name);
    if (taints[i]) {
      scope.env[key] = Taint{taints[i]->control, taints[i]->source + " through env." + name, name};
      scope.cleared.erase(key);
    } else {
      scope.env.erase(key);
      scope.cleared.insert(key);
    }
  }
}

void TaintMatrixKey(const std::string& key, const Node& values, const TaintScope& outer,
                    TaintMap& matrix) {
  // A matrix value may be a list or a map of values: the first tainted scalar decides.
  std::optional<Taint> found;
  ForEachScalar(values, [&](const Node& scalar) {
    if (!found) found = TaintOfText(scalar.scalar, outer);
  });
  if (found) {
    matrix[core::AsciiLower(key)] =
        Taint{found->control, found->source + " through matrix." + key, ""};
  }
}

// A matrix (or its `include:`) that is one tainted expression: the keys are unknown until run
// time, so every `matrix.*` the job names is tainted.
void TaintEveryKey(const Node& expression, const std::string& job_text_keys,
                   const TaintScope& outer, TaintMap& matrix) {
  const std::optional<Taint> taint = TaintOfText(expression.scalar, outer);
  if (!taint) return;
  static const core::Regex key(R"(matrix\.([a-z0-9_-]+))");
  core::RegexMatches keys(key, job_text_keys);
  while (keys.Next()) {
    matrix[std::string(keys.group(1))] =
        Taint{taint->control, taint->source + " through the matrix", ""};
  }
}

// `strategy.matrix`: a key whose values (or `include:` entries' values) are tainted; a matrix
// that is one expression (`${{ fromJSON(…) }}`) taints each key the steps read.
void AddMatrix(const Node* strategy, const std::string& job_text_keys, TaintScope& scope) {
  if (strategy == nullptr || !strategy->IsMap()) return;
  const Node* matrix = strategy->Find("matrix");
  if (matrix == nullptr) return;
  TaintMap found;  // read in the scope around the matrix, then set
  if (matrix->kind == Node::Kind::kScalar) {
    TaintEveryKey(*matrix, job_text_keys, scope, found);
  } else {
    for (const auto& [key, values] : matrix->fields) {
      if (key == "include" || key == "exclude") continue;
      TaintMatrixKey(key, values, scope, found);
    }
  }
  if (const Node* include = matrix->IsMap() ? matrix->Find("include") : nullptr) {
    for (const Node& entry : include->items) {
      for (const auto& [key, value] : entry.fields) TaintMatrixKey(key, value, scope, found);
    }
    // `include: ${{ fromJSON(…) }}`: the entries, and so the keys, are unknown until run time.
    if (include->kind == Node::Kind::kScalar) TaintEveryKey(*include, job_text_keys, scope, found);
  }
  for (auto& [key, taint] : found) scope.matrix[key] = std::move(taint);
}

// Lines of a run script that write to one of GitHub's command files ($GITHUB_OUTPUT…), with
// the `NAME=value` each writes.
struct FileWrite {
  std::string name;
  std::string value;
};

// The `NAME=value` lines a script writes to `file`, and the multi-line form: `NAME<<DELIM`
// written first, then value lines written to the file (or a heredoc's body) until `DELIM`.
std::vector<FileWrite> WritesTo(std::string_view script, std::string_view file) {
  static const core::Regex assignment(
      R"((?:echo|printf)\s+(?:-[A-Za-z]+\s+)*(?:["']?)([A-Za-z_][A-Za-z0-9_-]*)=(.*))");
  static const core::Regex opening(
      R"((?:echo|printf)\s+(?:-[A-Za-z]+\s+)*(?:["']?)([A-Za-z_][A-Za-z0-9_-]*)<<['"]?([A-Za-z0-9_-]+))");
  std::vector<FileWrite> out;
  std::string open_name;
  std::string delimiter;
  std::size_t start = 0;
  while (start < script.size()) {
    std::size_t end = script.find('\n', start);
    if (end == std::string_view::npos) end = script.size();
    const std::string_view line = script.substr(start, end - start);
    start = end + 1;
    if (!open_name.empty()) {
      if (line.find(delimiter) != std::string_view::npos &&
          line.find('$') == std::string_view::npos) {
        open_name.clear();  // `echo EOF >> $GITHUB_OUTPUT`
        continue;
      }
      out.push_back({open_name, std::string(line)});
      continue;
    }
    if (line.find(file) == std::string_view::npos) continue;
    std::array<std::string_view, 3> groups{};
    if (opening.PartialMatch(line, groups)) {
      open_name = core::AsciiLower(groups[1]);
      delimiter = std::string(groups[2]);
    } else if (assignment.PartialMatch(line, groups)) {
      out.push_back({core::AsciiLower(groups[1]), std::string(groups[2])});
    }
  }
  return out;
}

// A step's outputs that carry tainted text: a run step's writes to $GITHUB_OUTPUT (or the old
// `::set-output name=N::value`), a listed action's outputs.
// Output names each step id is read by (`steps.ID.outputs.NAME` anywhere in the job).
using References = std::map<std::string, std::set<std::string>, std::less<>>;

References OutputReferences(const std::string& job_text) {
  static const core::Regex reference(R"(steps\.([a-z0-9_-]+)\.outputs\.([a-z0-9_-]+))");
  References out;
  core::RegexMatches references(reference, job_text);
  while (references.Next()) {
    out[std::string(references.group(1))].insert(std::string(references.group(2)));
  }
  return out;
}

void SetOutput(TaintScope& job, std::size_t index, const std::string& key, Taint taint) {
  job.steps[key] = std::move(taint);
  job.written_at.emplace(key, index);  // the first step to write it makes it visible
}

// Step `index`'s outputs that carry tainted text into `job`: a listed action's outputs (each
// name the job reads that its globs match), a run step's writes to $GITHUB_OUTPUT (or the old
// `::set-output name=N::value`).
void AddStepOutputs(const Node& step, std::size_t index, const TaintScope& at_step,
                    const policy::ActionNames& untrusted_outputs, const References& references,
                    TaintScope& job) {
  const std::string id = core::AsciiLower(core::TrimSpace(ScalarOr(step.Find("id"))));
  if (id.empty()) return;
  if (const Node* uses = step.Find("uses"); uses != nullptr) {
    const std::string action = ScalarOr(uses);
    const auto read = references.find(id);
    if (read == references.end()) return;
    for (const std::string& glob : policy::NamesFor(untrusted_outputs, action)) {
      for (const std::string& name : read->second) {
        if (::fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
        SetOutput(job, index, id + "." + name,
                  Taint{Control::kAttacker,
                        "the outputs of " + std::string(core::TrimSpace(action)), ""});
      }
    }
    return;
  }
  const std::string script = ScalarOr(step.Find("run"));
  if (script.empty()) return;
  std::vector<FileWrite> writes = WritesTo(script, "GITHUB_OUTPUT");
  static const core::Regex set_output(R"(::set-output\s+name=([A-Za-z0-9_-]+)::(.*))");
  core::RegexMatches legacy(set_output, script);
  while (legacy.Next()) {
    writes.push_back({core::AsciiLower(legacy.group(1)), std::string(legacy.group(2))});
  }
  for (const FileWrite& write : writes) {
    std::optional<Taint> taint = TaintOfText(write.value, at_step);
    if (!taint) taint = TaintOfShellVariables(write.value, at_step);
    if (taint) {
      SetOutput(job, index, id + "." + write.name,
                Taint{taint->control,
                      taint->source + " through steps." + id + ".outputs." + write.name, ""});
    }
  }
}

// The lower-cased, normalized text of every expression under `node`: which names it reads.
void ExpressionText(const Node& node, std::string& out) {
  ForEachScalar(node, [&](const Node& scalar) {
    for (const ExpressionAt& at : Expressions(scalar.scalar)) out.append(at.normalized).append(" ");
  });
}

// String inputs of a reusable workflow (`on.workflow_call.inputs`) or of a composite action
// (`inputs:`, which have no type): whatever the caller passes, the attacker's text where a
// workflow of the repository passes that (`given`, by input name).
void AddInputs(const Node* inputs, const collect::CallerInputs* given, TaintScope& scope) {
  if (inputs == nullptr || !inputs->IsMap()) return;
  for (const auto& [name, spec] : inputs->fields) {
    const std::string type = core::AsciiLower(ScalarOr(spec.IsMap() ? spec.Find("type") : nullptr));
    if (type == "boolean" || type == "number" || type == "choice" || type == "environment") {
      continue;
    }
    const std::string key = core::AsciiLower(name);
    const auto caller =
        given != nullptr ? given->find(key) : collect::CallerInputs::const_iterator();
    if (given != nullptr && caller != given->end()) {
      scope.inputs[key] =
          Taint{Control::kAttacker,
                caller->second.source + ", which " + caller->second.caller + " line " +
                    std::to_string(caller->second.line) + " passes as inputs." + name,
                ""};
      continue;
    }
    scope.inputs[key] = Taint{Control::kCaller, "inputs." + name, ""};
  }
}

const Node* WorkflowCallInputs(const Node& root) {
  const Node* on = OnNode(root);
  if (on == nullptr || !on->IsMap()) return nullptr;
  const Node* call = on->Find("workflow_call");
  return call != nullptr && call->IsMap() ? call->Find("inputs") : nullptr;
}

}  // namespace

std::vector<TaintedExpression> FindTaintedExpressions(std::string_view text,
                                                      const TaintScope& scope) {
  std::vector<TaintedExpression> out;
  for (const ExpressionAt& at : Expressions(text)) {
    if (auto taint = TaintOfExpression(at.normalized, scope)) {
      out.push_back({at.line_offset, at.column, at.written, at.normalized, std::move(*taint)});
    }
  }
  return out;
}

std::optional<Taint> TaintOfText(std::string_view text, const TaintScope& scope) {
  std::optional<Taint> best;
  for (const ExpressionAt& at : Expressions(text)) {
    const std::optional<Taint> taint = TaintOfExpression(at.normalized, scope);
    Stronger(best, taint ? &*taint : nullptr);
  }
  return best;
}

std::optional<Taint> TaintOfShellVariables(std::string_view text, const TaintScope& scope) {
  // POSIX shells' $NAME and ${NAME}, PowerShell's $env:NAME, cmd's %NAME%.
  static const core::Regex variable(
      R"((?i)\$env:([A-Za-z_][A-Za-z0-9_]*)|\$\{?([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%)");
  std::optional<Taint> best;
  core::RegexMatches variables(variable, text);
  while (variables.Next()) {
    for (int group = 1; group <= 3; ++group) {
      if (variables.group(group).data() == nullptr) continue;
      Stronger(best, Find(scope, Context::kEnv, core::AsciiLower(variables.group(group))));
    }
  }
  return best;
}

void WorkflowTaint::AddSteps(const Node& steps, const policy::ActionNames& untrusted_outputs,
                             const std::string& text, TaintScope& job) {
  const References references = OutputReferences(text);
  for (std::size_t index = 0; index < steps.items.size(); ++index) {
    const Node& step = steps.items[index];
    TaintScope at;
    at.parent = &job;
    at.visible_steps = index;
    AddEnv(step.Find("env"), at);
    AddStepOutputs(step, index, at, untrusted_outputs, references, job);
    steps_[&step] = std::move(at);
  }
}

WorkflowTaint::WorkflowTaint(const Node& root, bool action_metadata,
                             const policy::ActionNames& untrusted_outputs,
                             const collect::CallerInputs* given) {
  if (!root.IsMap()) return;
  TaintScope& top = levels_.emplace_back();
  if (action_metadata) {
    AddInputs(root.Find("inputs"), given, top);
    const Node* runs = root.Find("runs");
    const Node* steps = runs != nullptr && runs->IsMap() ? runs->Find("steps") : nullptr;
    if (steps == nullptr) return;
    std::string text;
    ExpressionText(*steps, text);
    AddSteps(*steps, untrusted_outputs, text, top);
    return;
  }
  AddInputs(WorkflowCallInputs(root), given, top);
  AddEnv(root.Find("env"), top);
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return;
  // Job outputs feed the jobs that need them: a job is read after the jobs it needs.
  TaintMap job_outputs;
  for (const std::size_t j : NeedsOrder(*jobs)) {
    const auto& [id, job] = jobs->fields[j];
    if (!job.IsMap()) continue;
    TaintScope& scope = levels_.emplace_back();
    scope.parent = &top;
    jobs_[&job] = &scope;
    for (const std::string& need : JobNeeds(job)) {
      for (auto it = job_outputs.lower_bound(need + ".");
           it != job_outputs.end() && it->first.starts_with(need + "."); ++it) {
        scope.needs.insert(*it);
      }
    }
    std::string text;
    ExpressionText(job, text);
    AddEnv(job.Find("env"), scope);
    AddMatrix(job.Find("strategy"), text, scope);
    if (const Node* steps = job.Find("steps"); steps != nullptr) {
      AddSteps(*steps, untrusted_outputs, text, scope);
    }
    if (const Node* outputs = job.Find("outputs"); outputs != nullptr && outputs->IsMap()) {
      for (const auto& [name, value] : outputs->fields) {
        if (auto taint = TaintOfText(ScalarOr(&value), scope)) {
          job_outputs.emplace(
              core::AsciiLower(id) + "." + core::AsciiLower(name),
              Taint{taint->control, taint->source + " through needs." + id + ".outputs." + name,
                    ""});
        }
      }
    }
  }
}

const TaintScope& WorkflowTaint::AtJob(const Node& job) const {
  const auto found = jobs_.find(&job);
  return found == jobs_.end() ? empty_ : *found->second;
}

const TaintScope& WorkflowTaint::AtStep(const Node& step) const {
  const auto found = steps_.find(&step);
  return found == steps_.end() ? empty_ : found->second;
}

}  // namespace riskgate::evaluate::pins
