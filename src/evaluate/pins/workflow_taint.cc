#include "evaluate/pins/workflow_taint.h"

#include <fnmatch.h>

#include <array>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

void Stronger(std::optional<Taint>& best, const Taint* found) {
  if (found != nullptr && (!best || found->control > best->control)) best = *found;
}

const Taint* Lookup(const std::map<std::string, Taint, std::less<>>& names, std::string_view key) {
  const auto found = names.find(key);
  return found == names.end() ? nullptr : &found->second;
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
    if (kind == "env") Stronger(best, Lookup(scope.env, name));
    if (kind == "matrix") Stronger(best, Lookup(scope.matrix, name));
    if (kind == "inputs" || kind == "github.event.inputs")
      Stronger(best, Lookup(scope.inputs, name));
  }
  core::RegexMatches outputs(output, normalized);
  while (outputs.Next()) {
    const std::string key = std::string(outputs.group(2)) + "." + std::string(outputs.group(3));
    Stronger(best, Lookup(outputs.group(1) == "steps" ? scope.steps : scope.needs, key));
  }
  // A name chosen at run time (`env[format('{0}', 'T')]`: a literal index is a dot by now) or
  // a whole context (`toJSON(env)`) may be any of its names: the strongest of them.
  static const core::Regex whole(
      R"((?:^|[^a-z0-9_.-])(env|matrix|inputs|steps|needs)(?:\[|\.\*|\)|$|[^a-z0-9_.\[-]))");
  core::RegexMatches contexts(whole, normalized);
  while (contexts.Next()) {
    const std::string_view kind = contexts.group(1);
    const auto& in_scope = kind == "env"      ? scope.env
                           : kind == "matrix" ? scope.matrix
                           : kind == "inputs" ? scope.inputs
                           : kind == "steps"  ? scope.steps
                                              : scope.needs;
    for (const auto& [name, taint] : in_scope) Stronger(best, &taint);
  }
  return best;
}

// `env:` of a workflow, job or step: each name whose value is tainted, over what `scope` had
// (a name set again to clean text is clean).
void AddEnv(const Node* env, TaintScope& scope) {
  if (env == nullptr || !env->IsMap()) return;
  const TaintScope outer = scope;
  for (const auto& [name, value] : env->fields) {
    std::optional<Taint> taint = TaintOfText(ScalarOr(&value), outer);
    const std::string key = core::AsciiLower(name);
    if (taint) {
      scope.env[key] = Taint{taint->control, taint->source + " through env." + name, name};
    } else {
      scope.env.erase(key);
    }
  }
}

void TaintMatrixKey(const std::string& key, const Node& values, const TaintScope& outer,
                    TaintScope& scope) {
  // A matrix value may be a list or a map of values: the first tainted scalar decides.
  std::optional<Taint> found;
  ForEachScalar(values, [&](const Node& scalar) {
    if (!found) found = TaintOfText(scalar.scalar, outer);
  });
  if (found) {
    scope.matrix[core::AsciiLower(key)] =
        Taint{found->control, found->source + " through matrix." + key, ""};
  }
}

// A matrix (or its `include:`) that is one tainted expression: the keys are unknown until run
// time, so every `matrix.*` the job names is tainted.
void TaintEveryKey(const Node& expression, const std::string& job_text_keys,
                   const TaintScope& outer, TaintScope& scope) {
  const std::optional<Taint> taint = TaintOfText(expression.scalar, outer);
  if (!taint) return;
  static const core::Regex key(R"(matrix\.([a-z0-9_-]+))");
  core::RegexMatches keys(key, job_text_keys);
  while (keys.Next()) {
    scope.matrix[std::string(keys.group(1))] =
        Taint{taint->control, taint->source + " through the matrix", ""};
  }
}

// `strategy.matrix`: a key whose values (or `include:` entries' values) are tainted; a matrix
// that is one expression (`${{ fromJSON(…) }}`) taints each key the steps read.
void AddMatrix(const Node* strategy, const std::string& job_text_keys, TaintScope& scope) {
  if (strategy == nullptr || !strategy->IsMap()) return;
  const Node* matrix = strategy->Find("matrix");
  if (matrix == nullptr) return;
  const TaintScope outer = scope;
  if (matrix->kind == Node::Kind::kScalar) {
    TaintEveryKey(*matrix, job_text_keys, outer, scope);
    return;
  }
  for (const auto& [key, values] : matrix->fields) {
    if (key == "include" || key == "exclude") continue;
    TaintMatrixKey(key, values, outer, scope);
  }
  if (const Node* include = matrix->Find("include"); include != nullptr) {
    for (const Node& entry : include->items) {
      for (const auto& [key, value] : entry.fields) TaintMatrixKey(key, value, outer, scope);
    }
    // `include: ${{ fromJSON(…) }}`: the entries, and so the keys, are unknown until run time.
    if (include->kind == Node::Kind::kScalar) TaintEveryKey(*include, job_text_keys, outer, scope);
  }
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
void AddStepOutputs(const Node& step, const TaintScope& at_step,
                    const policy::ActionNames& untrusted_outputs, TaintScope& scope) {
  const std::string id = core::AsciiLower(core::TrimSpace(ScalarOr(step.Find("id"))));
  if (id.empty()) return;
  if (const Node* uses = step.Find("uses"); uses != nullptr) {
    const std::string action = ScalarOr(uses);
    for (const std::string& glob : policy::NamesFor(untrusted_outputs, action)) {
      // The names a later step reads are unknown here: record the glob, matched on lookup.
      scope.steps[id + "." + glob] =
          Taint{Control::kAttacker, "the outputs of " + std::string(core::TrimSpace(action)), ""};
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
      scope.steps[id + "." + write.name] = Taint{
          taint->control, taint->source + " through steps." + id + ".outputs." + write.name, ""};
    }
  }
}

// Step outputs recorded as globs (a listed action's `*_files`) answer for the names they match.
void ExpandOutputGlobs(const std::string& job_text, TaintScope& scope) {
  static const core::Regex reference(R"(steps\.([a-z0-9_-]+)\.outputs\.([a-z0-9_-]+))");
  core::RegexMatches references(reference, job_text);
  std::vector<std::pair<std::string, Taint>> found;
  while (references.Next()) {
    const std::string id(references.group(1));
    const std::string name(references.group(2));
    for (const auto& [key, taint] : scope.steps) {
      if (!key.starts_with(id + ".")) continue;
      const std::string glob = key.substr(id.size() + 1);
      if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0) found.emplace_back(id + "." + name, taint);
    }
  }
  for (auto& [key, taint] : found) scope.steps.emplace(key, std::move(taint));
}

// The lower-cased, normalized text of every expression under `node`: which names it reads.
void ExpressionText(const Node& node, std::string& out) {
  ForEachScalar(node, [&](const Node& scalar) {
    for (const ExpressionAt& at : Expressions(scalar.scalar)) out.append(at.normalized).append(" ");
  });
}

// String inputs of a reusable workflow (`on.workflow_call.inputs`) or of a composite action
// (`inputs:`, which have no type): whatever the caller passes.
void AddInputs(const Node* inputs, TaintScope& scope) {
  if (inputs == nullptr || !inputs->IsMap()) return;
  for (const auto& [name, spec] : inputs->fields) {
    const std::string type = core::AsciiLower(ScalarOr(spec.IsMap() ? spec.Find("type") : nullptr));
    if (type == "boolean" || type == "number" || type == "choice" || type == "environment") {
      continue;
    }
    scope.inputs[core::AsciiLower(name)] = Taint{Control::kCaller, "inputs." + name, ""};
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
      Stronger(best, Lookup(scope.env, core::AsciiLower(variables.group(group))));
    }
  }
  return best;
}

WorkflowTaint::WorkflowTaint(const Node& root, bool action_metadata,
                             const policy::ActionNames& untrusted_outputs) {
  if (!root.IsMap()) return;
  TaintScope top;
  if (action_metadata) {
    AddInputs(root.Find("inputs"), top);
    const Node* runs = root.Find("runs");
    const Node* steps = runs != nullptr && runs->IsMap() ? runs->Find("steps") : nullptr;
    if (steps == nullptr) return;
    std::string text;
    ExpressionText(*steps, text);
    for (const Node& step : steps->items) {
      TaintScope at = top;
      ExpandOutputGlobs(text, at);
      AddEnv(step.Find("env"), at);
      AddStepOutputs(step, at, untrusted_outputs, top);
      steps_[&step] = std::move(at);
    }
    return;
  }
  AddInputs(WorkflowCallInputs(root), top);
  AddEnv(root.Find("env"), top);
  const Node* jobs = root.Find("jobs");
  if (jobs == nullptr || !jobs->IsMap()) return;
  // Job outputs feed the jobs that need them: repeat until nothing new is tainted (a chain
  // of needs is at most as long as the number of jobs).
  std::map<std::string, Taint, std::less<>> job_outputs;
  for (std::size_t pass = 0; pass <= jobs->fields.size(); ++pass) {
    const std::size_t before = job_outputs.size();
    steps_.clear();
    for (const auto& [id, job] : jobs->fields) {
      if (!job.IsMap()) continue;
      TaintScope scope = top;
      scope.needs = job_outputs;
      std::string text;
      ExpressionText(job, text);
      AddEnv(job.Find("env"), scope);
      AddMatrix(job.Find("strategy"), text, scope);
      if (const Node* steps = job.Find("steps"); steps != nullptr) {
        for (const Node& step : steps->items) {
          ExpandOutputGlobs(text, scope);
          TaintScope at = scope;
          AddEnv(step.Find("env"), at);
          AddStepOutputs(step, at, untrusted_outputs, scope);
          steps_[&step] = std::move(at);
        }
        ExpandOutputGlobs(text, scope);
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
    if (job_outputs.size() == before) break;
  }
}

const TaintScope& WorkflowTaint::AtStep(const Node& step) const {
  const auto found = steps_.find(&step);
  return found == steps_.end() ? empty_ : found->second;
}

}  // namespace riskgate::evaluate::pins
