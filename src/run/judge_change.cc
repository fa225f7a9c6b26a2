#include "run/judge_change.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <set>

#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "core/progress.h"
#include "evaluate/evaluate.h"
#include "policy/codeowners.h"
#include "run/forge_clients.h"
#include "run/gather_reviews.h"
#include "run/gather_threat_models.h"
#include "run/pin_resolution.h"

namespace riskgate::run {
namespace {

// The scope to judge: the flags when given, else what the environment says.
core::Result<collect::ScopeChoice> ChooseScope(const JudgeRequest& options,
                                               collect::GitRepository& repo) {
  auto mode = ExplicitMode(options);
  if (!mode) return tl::unexpected(mode.error());
  if (*mode) return collect::ScopeChoice{**mode, options.base, options.head, "", ""};
  return collect::DetectScope(collect::ProcessEnvironment(), repo);
}

// Now in seconds: noon of RISKGATE_NOW's day when tests set it, else the system clock.
long long NowSeconds() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return static_cast<long long>(*day) * 86400 + 43200;
  }
  return static_cast<long long>(std::time(nullptr));
}

// The commit whose policy files judge a range (its base) or a CI platform's audit (the default
// branch), or empty for the working tree.
core::Result<std::string> PolicyRevision(const collect::ScopeChoice& scope,
                                         collect::GitRepository& repo) {
  if (!scope.policy_revision.empty()) return repo.ResolveCommit(scope.policy_revision);
  if (scope.mode != core::ScanMode::kRange || scope.base == collect::kEmptyTreeId) {
    return std::string();
  }
  return repo.ResolveCommit(scope.base);
}

// The review facts: for the reviews control, and for a change to the policy files, which needs
// their owners' approval even when the reviews control is off. Gathered for the guard alone, a
// failure to read approvals is recorded (the guard then blocks in CI), never an exit 2.
core::Result<collect::ReviewFacts> GatherApprovals(const policy::Policy& policy,
                                                   const collect::ChangeFacts& facts,
                                                   collect::GitRepository& repo,
                                                   const JudgeRequest& options) {
  const bool policy_changed =
      std::any_of(facts.policy_files.begin(), facts.policy_files.end(),
                  [](const collect::FileVersions& f) { return f.base_content != f.head_content; });
  policy::ReviewsControl control = policy.reviews;
  const bool guard_only = policy_changed && !control.enabled;
  if (guard_only) {
    control.enabled = true;
    control.on_error = policy::ForgeFailure::kBlock;
  }
  auto reviews =
      GatherReviews(control, facts, repo, collect::ProcessEnvironment(), options, policy.owners);
  if (reviews || !guard_only) return reviews;
  collect::ReviewFacts failed;
  failed.error = reviews.error().message;
  return failed;
}

// What the policy guard compares of a guarded path at `commit`: a file's text, or for a
// symlink (which policy files follow at the base) its target, so that editing the link is a
// change too.
core::Result<std::optional<std::string>> GuardedVersion(collect::GitRepository& repo,
                                                        const std::string& commit,
                                                        const std::string& path) {
  auto entry = repo.FindInCommit(commit, path);
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry || (*entry)->kind != collect::EntryKind::kSymlink) {
    return repo.ReadPathAt(commit, path);
  }
  auto target = repo.ReadBlob((*entry)->blob_id);
  if (!target) return tl::unexpected(target.error());
  if (target->size() > 4096) {
    return core::MakeError(core::ErrorCode::kPolicy, "a symlink with a target over 4096 bytes",
                           path);
  }
  return std::optional<std::string>("symlink -> " + *target);
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

core::Result<std::optional<core::ScanMode>> ExplicitMode(const JudgeRequest& options) {
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

core::Result<Judgement> JudgeChange(const JudgeRequest& options) {
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
  // A CI run judging a range is the gate a change must pass: what it cannot scan blocks there
  // (hooks and local runs warn). In any CI run, a range or an audit under the default branch's
  // policy, a `riskgate:allow` that the judged code wrote is not its own waiver.
  const auto ci = collect::ProcessEnvironment()("CI");
  const bool in_ci = ci && *ci != "false" && *ci != "0";
  // A CI audit under the default branch's policy of a checkout that is not that branch (a
  // manual or comment-triggered run on the author's branch) judges the author's code: a gate too.
  bool branch_audit = false;
  if (in_ci && !scope->policy_revision.empty()) {
    auto head = (*repo)->Head();
    if (!head) return tl::unexpected(head.error());
    branch_audit = !*head || **head != *revision;
  }
  const bool gate_run = in_ci && (scope->mode == core::ScanMode::kRange || branch_audit);
  const bool ci_judgement = gate_run || (in_ci && !scope->policy_revision.empty());
  if (!inputs->policy.limits.on_unscanned) {
    inputs->policy.limits.on_unscanned =
        gate_run ? policy::OnUnscanned::kBlock : policy::OnUnscanned::kWarn;
  }
  auto& inline_suppressions = inputs->policy.secrets.inline_suppressions;
  if (inline_suppressions == policy::InlineSuppressions::kLocal) {
    inline_suppressions =
        ci_judgement ? policy::InlineSuppressions::kForbid : policy::InlineSuppressions::kAllow;
  }
  const policy::Policy* policy = &inputs->policy;

  collect::ScopeRequest request;
  request.mode = scope->mode;
  request.base = scope->base;
  request.head = scope->head;
  request.max_file_bytes = options.max_file_bytes.value_or(policy->limits.max_file_bytes);
  progress.stage = core::RunStage::kCollecting;
  auto layout = evaluate::DiscoverLayout(
      *policy,
      [&](const std::string& path) { return collect::ReadJudgedFile(**repo, request, path); },
      [&] { return collect::ListJudgedPaths(**repo, request); });
  if (!layout) return tl::unexpected(layout.error());
  request.wants_document = [&policy = *policy, &layout = *layout](std::string_view path) {
    return evaluate::WantsDocument(path, policy, layout);
  };
  // A file whose role the change gave it (a new GitLab include) is judged whole, untouched or
  // not: nothing in its old version was judged as what it now is.
  core::Result<evaluate::RepositoryLayout> base_layout = evaluate::RepositoryLayout{};
  if (request.mode != core::ScanMode::kWorktree) {
    base_layout = evaluate::DiscoverLayout(
        *policy,
        [&](const std::string& path) { return collect::ReadBaseFile(**repo, request, path); },
        [&] { return collect::ListBasePaths(**repo, request); });
    if (!base_layout) return tl::unexpected(base_layout.error());
  }
  if (base_layout->gitlab_ci_includes != layout->gitlab_ci_includes) {
    request.role_changed = [&policy = *policy, &before = *base_layout,
                            &now = *layout](std::string_view path) {
      return evaluate::RoleChanged(path, policy, before, now);
    };
  }
  request.wants_tree = evaluate::WantsTree(*policy);
  auto facts = collect::CollectChange(**repo, request);
  if (!facts) return tl::unexpected(facts.error());
  facts->context = collect::DetectRunContext(collect::ProcessEnvironment(), **repo);
  if (!scope->source.empty()) {
    facts->scope.description += " [detected: " + scope->source + "]";
  }
  if (!policy_files.base().empty() && facts->scope.head) {
    // CODEOWNERS decides who approves a policy change (when policy.owners does not) and every
    // owned path: editing it is a policy change too.
    std::set<std::string> guarded = policy_files.repo_paths();
    for (const auto dialect :
         {policy::CodeownersDialect::kGithub, policy::CodeownersDialect::kGitlab}) {
      for (const auto& path : policy::CodeownersLocations(dialect)) guarded.insert(path);
    }
    for (const auto& path : guarded) {
      auto base = GuardedVersion(**repo, policy_files.base(), path);
      if (!base) return tl::unexpected(base.error());
      auto head = GuardedVersion(**repo, *facts->scope.head, path);
      if (!head) return tl::unexpected(head.error());
      if (!*base && !*head) continue;
      facts->policy_files.push_back({path, std::move(*base), std::move(*head)});
    }
  }

  auto reviews = GatherApprovals(*policy, *facts, **repo, options);
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

}  // namespace riskgate::run
