#include "app/check_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "app/policy_files.h"
#include "app/risk_inputs.h"
#include "app/watchdog.h"
#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "collect/git_repository.h"
#include "core/date.h"
#include "core/progress.h"
#include "decide/decide.h"
#include "evaluate/evaluate.h"
#include "policy/policy.h"
#include "report/report.h"

namespace riskgate::app {
namespace {

struct OutputPlan {
  report::Format format;
  std::string path;  // empty or "-": standard output
};

core::Result<std::vector<OutputPlan>> PlanOutputs(const CheckOptions& options) {
  std::vector<std::string> formats = options.formats;
  if (formats.empty()) formats.push_back("text");
  std::vector<std::string> paths(formats.size());
  for (std::size_t o = 0; o < options.outputs.size(); ++o) {
    int index = o < options.output_format.size() ? options.output_format[o] : static_cast<int>(o);
    if (index < 0 && options.formats.empty()) index = 0;  // --output alone: the text report
    if (index < 0) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "--output " + options.outputs[o] +
                                 " comes before any --format: write --format F --output FILE");
    }
    auto& path = paths[static_cast<std::size_t>(index)];
    if (!path.empty()) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "two --output options follow the same --format: give each its own");
    }
    path = options.outputs[o];
  }
  std::vector<OutputPlan> plans;
  int to_stdout = 0;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    auto format = report::ParseFormat(formats[i]);
    if (!format) {
      return core::MakeError(core::ErrorCode::kUsage,
                             "unknown format '" + formats[i] +
                                 "' (expected one of: " + std::string(report::FormatNames()) + ")");
    }
    const std::string& path = paths[i];
    if (path.empty() || path == "-") ++to_stdout;
    plans.push_back(OutputPlan{*format, path});
  }
  if (to_stdout > 1) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "several formats would go to standard output: give each an --output");
  }
  return plans;
}

// An explicit scope flag, or nullopt to detect the scope from the environment.
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

// The scope to judge: the flags when given, else what the environment says.
core::Result<collect::ScopeChoice> ChooseScope(const CheckOptions& options,
                                               collect::GitRepository& repo) {
  auto mode = ExplicitMode(options);
  if (!mode) return tl::unexpected(mode.error());
  if (*mode) return collect::ScopeChoice{**mode, options.base, options.head, ""};
  return collect::DetectScope(collect::ProcessEnvironment(), repo);
}

// Today, from RISKGATE_NOW (YYYY-MM-DD or RFC 3339; tests set it) or the system clock.
core::Result<core::Day> Today() {
  if (const char* now = std::getenv("RISKGATE_NOW"); now != nullptr && *now != '\0') {
    if (auto day = core::ParseDate(now)) return *day;
    return core::MakeError(
        core::ErrorCode::kUsage,
        "RISKGATE_NOW must be a date YYYY-MM-DD, not '" + std::string(now) + "'");
  }
  return core::DayOfUnixTime(static_cast<long long>(std::time(nullptr)));
}

// The commit whose policy files judge a range (its base), or empty for the working tree.
core::Result<std::string> PolicyRevision(const collect::ScopeChoice& scope,
                                         collect::GitRepository& repo) {
  if (scope.mode != core::ScanMode::kRange || scope.base == collect::kEmptyTreeId) {
    return std::string();
  }
  return repo.ResolveCommit(scope.base);
}

bool UseColor(ColorMode mode) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever) return false;
  return ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int RunCheck(const CheckOptions& options) {
  auto plans = PlanOutputs(options);
  if (!plans) return Fail(plans.error());
  if (auto mode = ExplicitMode(options); !mode) return Fail(mode.error());
  const Watchdog watchdog(options.timeout_seconds);
  auto& progress = core::RunProgress();

  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) return Fail(repo.error());
  auto scope = ChooseScope(options, **repo);
  if (!scope) return Fail(scope.error());
  auto today = Today();
  if (!today) return Fail(today.error());
  auto revision = PolicyRevision(*scope, **repo);
  if (!revision) return Fail(revision.error());
  PolicyFiles policy_files(**repo, *revision);
  auto inputs = LoadRiskInputs(options.policy, policy_files, (*repo)->Workdir());
  if (!inputs) return Fail(inputs.error());
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
  if (!layout) return Fail(layout.error());
  request.wants_document = [&policy = *policy, &layout = *layout](std::string_view path) {
    return evaluate::WantsDocument(path, policy, layout);
  };
  auto facts = collect::CollectChange(**repo, request);
  if (!facts) return Fail(facts.error());
  if (!scope->source.empty()) {
    facts->scope.description += " [detected: " + scope->source + "]";
  }
  if (!policy_files.base().empty() && facts->scope.head) {
    for (const auto& path : policy_files.repo_paths()) {
      auto base = (*repo)->ReadPathAt(policy_files.base(), path);
      if (!base) return Fail(base.error());
      auto head = (*repo)->ReadPathAt(*facts->scope.head, path);
      if (!head) return Fail(head.error());
      facts->policy_files.push_back({path, std::move(*base), std::move(*head)});
    }
  }

  progress.stage = core::RunStage::kEvaluating;
  evaluate::Evaluation evaluation = evaluate::Evaluate(*facts, *policy, *layout);
  progress.stage = core::RunStage::kDeciding;
  decide::DecideOptions decide_options;
  decide_options.keep_preexisting = options.all_findings;
  decide_options.waivers = {&inputs->waivers, *today, scope->mode == core::ScanMode::kWorktree};
  decide_options.baseline = &inputs->baseline;
  decide::Verdict verdict = decide::Decide(std::move(evaluation.findings), *policy, decide_options);
  verdict.summary.suppressed_inline = evaluation.suppressed_inline;
  verdict.summary.inline_ignored = evaluation.inline_ignored;

  progress.stage = core::RunStage::kReporting;
  const report::ReportInput input{verdict, facts->scope, policy->source, options.dry_run};
  for (const auto& plan : *plans) {
    const bool to_stdout = plan.path.empty() || plan.path == "-";
    const report::TextStyle style{to_stdout && UseColor(options.color)};
    const std::string document = report::Render(plan.format, input, style);
    if (to_stdout) {
      std::cout << document << std::flush;
      if (!std::cout) {
        return Fail(core::Error{core::ErrorCode::kIo, "cannot write to standard output", ""});
      }
      continue;
    }
    if (auto written = WriteFileAtomically(plan.path, document); !written) {
      return Fail(written.error());
    }
  }
  if (options.dry_run) return kExitPass;
  if (verdict.decision == core::Decision::kBlock) return kExitBlock;
  if (verdict.decision == core::Decision::kWarn && options.warn_exit_code) {
    return *options.warn_exit_code;
  }
  return kExitPass;
}

}  // namespace riskgate::app
