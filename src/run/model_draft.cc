#include "run/model_draft.h"

#include <set>

#include "core/path_glob.h"
#include "evaluate/threat_model/model_skeleton.h"
#include "policy/codeowners.h"

namespace riskgate::run {
namespace {

// Owners from the policy, else those CODEOWNERS (at HEAD) gives the component's files.
std::vector<std::string> OwnersOf(const policy::Component& component, Judgement& judged,
                                  const std::vector<std::string>& files) {
  if (!component.owners.empty()) return component.owners;
  const auto head = judged.facts.scope.head;
  if (!head) return {};
  std::set<std::string> owners;
  for (auto dialect : {policy::CodeownersDialect::kGithub, policy::CodeownersDialect::kGitlab}) {
    for (const auto& location : policy::CodeownersLocations(dialect)) {
      auto text = judged.repo->ReadPathAt(*head, location);
      if (!text || !*text) continue;
      core::Diagnostics ignored;
      const auto codeowners = policy::ParseCodeowners(**text, location, dialect, ignored);
      for (const auto& file : files) {
        for (const auto& required : policy::OwnersOf(codeowners, file)) {
          owners.insert(required.owners.begin(), required.owners.end());
        }
      }
      return {owners.begin(), owners.end()};
    }
  }
  return {};
}

}  // namespace

core::Result<ModelDraft> DraftModel(Judgement& judged, const std::string& component_name) {
  const auto& control = judged.inputs.policy.threat_model;
  const policy::Component* component = nullptr;
  for (const auto& c : control.components) {
    if (c.name == component_name) component = &c;
  }
  if (component == nullptr) {
    std::string names;
    for (const auto& c : control.components) names += (names.empty() ? "" : ", ") + c.name;
    return core::MakeError(
        core::ErrorCode::kUsage,
        "no component '" + component_name + "' in controls.threat_model.components" +
            (names.empty() ? std::string(" (the policy lists none)") : " (" + names + ")"));
  }
  ModelDraft draft;
  for (const auto& model : component->models) {
    if (model.ends_with(".md") || model.ends_with(".markdown")) draft.target = model;
  }
  if (draft.target.empty()) {
    return core::MakeError(
        core::ErrorCode::kUsage,
        "component '" + component->name +
            "' names no Markdown model (.md) for init to write; add one to its `models`");
  }
  auto index = judged.repo->ListIndex();
  if (!index) return tl::unexpected(index.error());
  std::vector<std::string> files;
  std::vector<std::string> entry_points;
  for (const auto& file : *index) {
    if (!component->Covers(file.path)) continue;
    files.push_back(file.path);
    for (const auto& glob : control.entry_points) {
      if (core::MatchPathGlob(glob, file.path)) {
        entry_points.push_back(file.path);
        break;
      }
    }
  }
  const auto owners = OwnersOf(*component, judged, files);
  draft.text = evaluate::threat_model::ModelSkeleton(*component, control, entry_points, owners);
  draft.parts = control.required_parts.size();
  return draft;
}

}  // namespace riskgate::run
