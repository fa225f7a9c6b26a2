#include "evaluate/pins/local_callers.h"

#include "core/text.h"
#include "evaluate/pins/workflow_document.h"
#include "evaluate/pins/workflow_taint.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Records each `with:` value of a call that carries the attacker's text.
void AddCall(const Node& call, const TaintScope& scope, const std::string& path,
             collect::LocalCallers& out) {
  for (const AttackerArgument& argument : AttackerArguments(call, scope)) {
    out[argument.callee].emplace(
        core::AsciiLower(argument.name),
        collect::CallerInput{argument.taint.source, path, argument.value->mark.line});
  }
}

}  // namespace

std::vector<AttackerArgument> AttackerArguments(const Node& call, const TaintScope& scope) {
  std::vector<AttackerArgument> out;
  const auto callee = LocalCallee(ScalarOr(call.Find("uses")));
  const Node* with = call.Find("with");
  if (!callee || with == nullptr || !with->IsMap()) return out;
  for (const auto& [name, value] : with->fields) {
    // A key-less entry (`: value`) names no input: GitHub refuses the workflow.
    if (name.empty() || value.kind != Node::Kind::kScalar) continue;
    auto taint = TaintOfText(value.scalar, scope);
    if (taint && taint->control == Control::kAttacker) {
      out.push_back({*callee, name, &value, std::move(*taint)});
    }
  }
  return out;
}

collect::LocalCallers FindLocalCallers(
    const std::vector<std::pair<std::string, std::string>>& workflows,
    const policy::ActionNames& untrusted_outputs) {
  collect::LocalCallers out;
  for (const auto& [path, text] : workflows) {
    core::Diagnostics diagnostics;
    const auto root = policy::ParseYaml(text, path, diagnostics);
    if (!root || !root->IsMap()) continue;  // judged (unparsable-config) where it changes
    const Node* jobs = root->Find("jobs");
    if (jobs == nullptr || !jobs->IsMap()) continue;
    const WorkflowTaint taint(*root, /*action_metadata=*/false, untrusted_outputs);
    for (const auto& [id, job] : jobs->fields) {
      if (!job.IsMap()) continue;
      AddCall(job, taint.AtJob(job), path, out);
      const Node* steps = job.Find("steps");
      if (steps == nullptr || !steps->IsList()) continue;
      for (const Node& step : steps->items) {
        if (step.IsMap()) AddCall(step, taint.AtStep(step), path, out);
      }
    }
  }
  return out;
}

std::optional<std::string> LocalCallee(std::string_view uses) {
  std::string value(core::TrimSpace(uses));
  if (!value.starts_with("./")) return std::nullopt;
  value.erase(0, 2);
  while (!value.empty() && value.back() == '/') value.pop_back();
  return value;
}

bool IsWorkflowCallee(std::string_view callee) {
  return callee.ends_with(".yml") || callee.ends_with(".yaml");
}

std::vector<std::string> LocalCalleeFiles(const std::string& callee) {
  if (IsWorkflowCallee(callee)) return {callee};
  const std::string folder = callee.empty() ? "" : callee + "/";
  return {folder + "action.yml", folder + "action.yaml"};
}

std::string LocalCalleeKey(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "action.yml" || name == "action.yaml") {
    return std::string(slash == std::string_view::npos ? std::string_view()
                                                       : path.substr(0, slash));
  }
  return std::string(path);
}

}  // namespace riskgate::evaluate::pins
