#include "app/judge.h"

#include <cstdlib>
#include <ctime>
#include <limits>

#include "app/forge_clients.h"
#include "app/pin_resolution.h"
#include "app/review_inputs.h"
#include "app/threat_model_inputs.h"
#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "core/progress.h"
#include "evaluate/evaluate.h"

namespace riskgate::app {
namespace {

// The scope to judge: the flags when given, else what the environment says.
core::Result<collect::ScopeChoice> ChooseScope(const CheckOptions& options,
                                               collect::GitRepository& repo) {
  auto mode = ExplicitMode(options);
  if (!mode) return tl::unexpected(mode.error());
  if (*mode) return collect::ScopeChoice{**mode, options.base, options.head, ""};
  return collect::DetectScope(collect::ProcessEnvironment(), repo);
}

// Now in seconds: noon of RISKGATE_NOW's day when tests set it, else the system clock.
long long NowSeconds() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return static_cast<long long>(*day) * 86400 + 43200;
  }
  return static_cast<long long>(std::time(nullptr));
}

// The commit whose policy files judge a range (its base), or empty for the working tree.
core::Result<std::string> PolicyRevision(const collect::ScopeChoice& scope,
                                         collect::GitRepository& repo) {
  if (scope.mode != core::ScanMode::kRange || scope.base == collect::kEmptyTreeId) {
    return std::string();
  }
  return repo.ResolveCommit(scope.base);
}

}  // namespace

core::Result<core::Day> Today() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return *day;
    return core::MakeError(
        core::ErrorCode::kUsage,
        "RISKGATE_NOW must be a date YYYY-MM-DD, not '" + std::string(now) + "'");
  }
  return core::DayOfUnixTime(static_cast<long long>(std::time(nullptr)));
}

core::Result<std::optional<core::ScanMode>> ExplicitMode(const CheckOptions& options) {
  const int chosen =
      (options.staged ? 1 : 0) + (options.worktree ? 1 : 0) + (!options.base.empty() ? 1 : 0);
  if (chosen > 1) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "choose one scope: --staged, --worktree or --base REV [--head REV]");
  }
  if (!options.head.empty() && options.base.empty()) {
    return core::MakeError(core::ErrorCode::kUsage, "--head needs --base");
  }
  if (options.worktree) return core::ScanMode::kWorktree;
  if (!options.base.empty()) return core::ScanMode::kRange;
  if (options.staged) return core::ScanMode::kStaged;
  return std::optional<core::ScanMode>();
}

core::Result<Judgement> Judge(const CheckOptions& options) {
  auto& progress = core::RunProgress();
  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) return tl::unexpected(repo.error());
  auto scope = ChooseScope(options, **repo);
  if (!scope) return tl::unexpected(scope.error());
  auto today = Today();
  if (!today) return tl::unexpected(today.error());
  auto revision = PolicyRevision(*scope, **repo);
  if (!revision) return tl::unexpected(revision.error());
  PolicyFiles policy_files(**repo, *revision);
  auto inputs = LoadRiskInputs(options.policy, policy_files, (*repo)->Workdir());
  if (!inputs) return tl::unexpected(inputs.error());
  DropUntrustedForgeUrls(inputs->policy.reviews.forge,
                         TrustOf(policy_files, inputs->policy.source));
  if (options.uncapped) {
    inputs->policy.limits.max_findings = std::numeric_limits<int>::max();
    inputs->policy.limits.max_findings_per_file = std::numeric_limits<int>::max();
  }
  const policy::Policy* policy = &inputs->policy;

  collect::ScopeRequest request;
  request.mode = scope->mode;
  request.base = scope->base;
  request.head = scope->head;
  request.max_file_bytes = options.max_file_bytes.value_or(policy->limits.max_file_bytes);
  progress.stage = core::RunStage::kCollecting;
  auto layout = evaluate::DiscoverLayout(*policy, [&](const std::string& path) {
    return collect::ReadJudgedFile(**repo, request, path);
  });
  if (!layout) return tl::unexpected(layout.error());
  request.wants_document = [&policy = *policy, &layout = *layout](std::string_view path) {
    return evaluate::WantsDocument(path, policy, layout);
  };
  request.wants_tree = evaluate::WantsTree(*policy);
  auto facts = collect::CollectChange(**repo, request);
  if (!facts) return tl::unexpected(facts.error());
  facts->context = collect::DetectRunContext(collect::ProcessEnvironment(), **repo);
  if (!scope->source.empty()) {
    facts->scope.description += " [detected: " + scope->source + "]";
  }
  if (!policy_files.base().empty() && facts->scope.head) {
    for (const auto& path : policy_files.repo_paths()) {
      auto base = (*repo)->ReadPathAt(policy_files.base(), path);
      if (!base) return tl::unexpected(base.error());
      auto head = (*repo)->ReadPathAt(*facts->scope.head, path);
      if (!head) return tl::unexpected(head.error());
      facts->policy_files.push_back({path, std::move(*base), std::move(*head)});
    }
  }

  auto reviews =
      GatherReviews(policy->reviews, *facts, **repo, collect::ProcessEnvironment(), options);
  if (!reviews) return tl::unexpected(reviews.error());
  facts->reviews = std::move(*reviews);
  auto models = GatherThreatModels(policy->threat_model, *facts, **repo, request, NowSeconds());
  if (!models) return tl::unexpected(models.error());
  facts->threat_models = std::move(*models);

  progress.stage = core::RunStage::kEvaluating;
  evaluate::Evaluation evaluation = evaluate::Evaluate(*facts, *policy, *layout);
  if (options.resolve_pins && NetworkAllowed(scope->mode, collect::ProcessEnvironment())) {
    ResolvePinRemedies(evaluation.findings, *policy, collect::ProcessEnvironment());
  }
  progress.stage = core::RunStage::kDeciding;
  decide::DecideOptions decide_options;
  decide_options.keep_preexisting = options.all_findings;
  decide_options.waivers = {&inputs->waivers, *today, scope->mode == core::ScanMode::kWorktree};
  decide_options.baseline = &inputs->baseline;
  decide::Verdict verdict = decide::Decide(std::move(evaluation.findings), *policy, decide_options);
  verdict.summary.suppressed_inline = evaluation.suppressed_inline;
  verdict.summary.inline_ignored = evaluation.inline_ignored;
  return Judgement{std::move(*repo), std::move(*inputs), *today, std::move(*facts),
                   std::move(verdict)};
}

}  // namespace riskgate::app
