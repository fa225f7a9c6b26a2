#include "run/gather_threat_models.h"

#include <algorithm>

#include "evaluate/threat_model/freshness.h"

namespace riskgate::run {
namespace {

constexpr int kMaxCommitsWalked = 200000;

}  // namespace

core::Result<collect::ThreatModelFacts> GatherThreatModels(
    const policy::ThreatModelControl& control, const collect::ChangeFacts& facts,
    collect::GitRepository& repo, const collect::ScopeRequest& request, long long now) {
  collect::ThreatModelFacts out;
  if (!control.enabled) return out;
  const auto& scope = facts.scope;
  const bool audit = scope.mode == core::ScanMode::kWorktree;
  // The change happens now: its commits' dates are written by its author (a back-dated commit
  // would make a stale model look fresh), so they are never read here.
  out.change_time = now;
  // History is read from the trusted side only: the base of a range (none for the empty tree),
  // HEAD for staged and worktree runs. A model the change edits counts as updated now.
  const std::string head = scope.head.value_or("");
  const std::string trusted =
      scope.mode == core::ScanMode::kRange
          ? (scope.base && *scope.base != collect::kEmptyTreeId ? *scope.base : std::string())
          : head;
  for (const auto& component : control.components) {
    collect::ComponentFacts c;
    c.name = component.name;
    for (const auto& path : facts.changed_paths) {
      if (component.Covers(path)) c.touched.push_back(path);
    }
    for (const auto& change : facts.path_changes) {
      if (change.added && component.Covers(change.path)) c.added.push_back(change.path);
    }
    // A change to a model alone is judged too: it may write an acceptance the next change to
    // the code would inherit from its base.
    const bool model_changed = component.HasModelAmong(facts.changed_paths);
    if (c.touched.empty() && !audit && !model_changed) continue;
    c.models_only = c.touched.empty() && !audit;
    for (const auto& path : component.models) {
      collect::ModelFile model;
      model.path = path;
      auto content = collect::ReadJudgedFile(repo, request, path);
      if (!content) return tl::unexpected(content.error());
      model.content = std::move(*content);
      if (!audit) {
        // Edited by the change: by net content (an edit reverted inside the range is none). A
        // model the change deletes is changed too: its base still says what it held.
        auto base = collect::ReadBaseFile(repo, request, path);
        if (!base) return tl::unexpected(base.error());
        model.changed = *base != model.content;
        if (model.changed) model.base_content = std::move(*base);
      }
      if (!trusted.empty()) {
        // A commit on the base that only bumped a date or reflowed the model is no update.
        auto last = repo.LastCommitChangingPath(
            trusted, path, kMaxCommitsWalked,
            [](const std::string& before, const std::string& after) {
              return evaluate::threat_model::IsModelUpdate(before, after);
            });
        if (!last) return tl::unexpected(last.error());
        if (*last) model.last_updated = (*last)->time;
      }
      c.models.push_back(std::move(model));
    }
    if (control.freshness == policy::Freshness::kLastChange && !trusted.empty()) {
      auto last = repo.LastCommitTouching(
          trusted, [&](std::string_view p) { return component.Covers(p); }, kMaxCommitsWalked);
      if (!last) return tl::unexpected(last.error());
      if (*last) c.last_code_change = (*last)->time;
    }
    out.components.push_back(std::move(c));
  }
  return out;
}

}  // namespace riskgate::run
