#include "app/check_command.h"

#include "app/app.h"
#include "app/error_output.h"
#include "app/report_outputs.h"
#include "app/watchdog.h"
#include "core/abandon.h"
#include "core/progress.h"
#include "decide/decide.h"
#include "policy/builtin_pack.h"
#include "report/report.h"
#include "run/judge_change.h"

namespace riskgate::app {

int RunCheck(const CheckOptions& options) {
  const policy::BuiltinPrefetch prefetch;
  auto plans = PlanOutputs(options.report);
  if (!plans) return Fail(plans.error());
  if (auto mode = run::ExplicitMode(options.judge); !mode) return Fail(mode.error());
  const Watchdog watchdog(options.timeout_seconds);
  auto& progress = core::RunProgress();

  auto judged = run::JudgeChange(options.judge);
  if (!judged) return Fail(judged.error());
  const decide::Verdict& verdict = judged->verdict;

  progress.stage = core::RunStage::kReporting;
  const report::ReportInput input{verdict,
                                  judged->facts.scope,
                                  judged->inputs.policy.source,
                                  options.report.dry_run,
                                  &judged->run,
                                  &judged->controls_on,
                                  judged->secure_defaults ? &*judged->secure_defaults : nullptr};
  const int code = Publish(options.report, *plans, input);
  // A range's facts (every commit's whole-file texts: hundreds of MB in many blocks) end with
  // the process instead of block by block on one core after the report is written.
  core::Abandon(judged->facts);
  return code;
}

}  // namespace riskgate::app
