#include "app/threat_model_inputs.h"

#include <algorithm>

#include "core/path_glob.h"

namespace riskgate::app {
namespace {

constexpr int kMaxCommitsWalked = 200000;

bool InComponent(const policy::Component& component, std::string_view path) {
  return std::any_of(component.paths.begin(), component.paths.end(),
                     [&](const std::string& glob) { return core::MatchPathGlob(glob, path); });
}

}  // namespace

core::Result<collect::ThreatModelFacts> GatherThreatModels(
    const policy::ThreatModelControl& control, const collect::ChangeFacts& facts,
    collect::GitRepository& repo, const collect::ScopeRequest& request, long long now) {
  collect::ThreatModelFacts out;
  if (!control.enabled) return out;
  const auto& scope = facts.scope;
  const bool audit = scope.mode == core::ScanMode::kWorktree;
  out.change_time = now;
  if (scope.mode == core::ScanMode::kRange && scope.head) {
    auto time = repo.CommitTimeOf(*scope.head);
    if (!time) return tl::unexpected(time.error());
    out.change_time = *time;
  }
  // History is read from the judged head (staged: HEAD), and code changes before this change
  // from the base.
  const std::string head = scope.head.value_or("");
  const std::string before =
      scope.mode == core::ScanMode::kRange
          ? (scope.base && *scope.base != collect::kEmptyTreeId ? *scope.base : std::string())
          : head;
  for (const auto& component : control.components) {
    collect::ComponentFacts c;
    c.name = component.name;
    for (const auto& path : facts.changed_paths) {
      if (InComponent(component, path)) c.touched.push_back(path);
    }
    for (const auto& change : facts.path_changes) {
      if (change.added && InComponent(component, change.path)) c.added.push_back(change.path);
    }
    if (c.touched.empty() && !audit) continue;
    for (const auto& path : component.models) {
      collect::ModelFile model;
      model.path = path;
      auto content = collect::ReadJudgedFile(repo, request, path);
      if (!content) return tl::unexpected(content.error());
      model.content = std::move(*content);
      model.changed =
          std::binary_search(facts.changed_paths.begin(), facts.changed_paths.end(), path);
      if (!head.empty()) {
        auto last = repo.LastCommitChangingPath(head, path, kMaxCommitsWalked);
        if (!last) return tl::unexpected(last.error());
        if (*last) model.last_updated = (*last)->time;
      }
      c.models.push_back(std::move(model));
    }
    if (control.freshness == policy::Freshness::kLastChange && !before.empty()) {
      auto last = repo.LastCommitTouching(
          before, [&](std::string_view p) { return InComponent(component, p); }, kMaxCommitsWalked);
      if (!last) return tl::unexpected(last.error());
      if (*last) c.last_code_change = (*last)->time;
    }
    out.components.push_back(std::move(c));
  }
  return out;
}

}  // namespace riskgate::app
