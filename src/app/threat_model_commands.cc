#include "app/threat_model_commands.h"

#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "evaluate/threat_model/model_status.h"
#include "report/model_status.h"
#include "run/judge_change.h"
#include "run/model_draft.h"

namespace riskgate::app {
namespace {

core::Result<run::Judgement> JudgeAll(const ThreatModelOptions& options) {
  return run::JudgeChange(run::WorktreeAudit(options.repo, options.policy, false));
}

}  // namespace

int RunThreatModelInit(const ThreatModelOptions& options) {
  auto judged = JudgeAll(options);
  if (!judged) return Fail(judged.error());
  auto draft = run::DraftModel(*judged, options.component);
  if (!draft) return Fail(draft.error());
  const std::string path = judged->repo->Workdir() + draft->target;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return Fail(draft->target + " exists; threat-model init never overwrites a model");
  }
  const WriteOptions into_repo{judged->repo->Workdir(), WriteOptions::Folders::kCreate};
  if (auto written = WriteFileAtomically(path, draft->text, into_repo); !written) {
    return Fail(written.error());
  }
  std::cout << "wrote " << draft->target << ": fill in its " << draft->parts
            << " parts and commit it\n";
  return kExitPass;
}

int RunThreatModelStatus(const ThreatModelOptions& options) {
  const auto format = report::ParseStatusFormat(options.format);
  if (!format) return Fail("--format must be text or json, not '" + options.format + "'");
  auto judged = JudgeAll(options);
  if (!judged) return Fail(judged.error());
  const auto rows = evaluate::threat_model::ComponentStatuses(judged->facts.threat_models,
                                                              judged->inputs.policy.threat_model);
  const report::ReportOrigin origin{&judged->run, &judged->inputs.policy.source,
                                    judged->facts.scope.head.value_or("")};
  std::cout << report::WriteModelStatus(*format, rows, origin);
  return kExitPass;
}

}  // namespace riskgate::app
