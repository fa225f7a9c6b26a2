// Stage run: the full-history audit: walk the refs, scan every distinct blob for secrets and
// the content rules, decide under the policy (the working tree's, or the tip's in a bare
// repository) and describe the scope.
#pragma once

#include "core/error.h"
#include "core/scope.h"
#include "decide/decide.h"
#include "evaluate/history/history_audit.h"
#include "policy/policy.h"
#include "run/request.h"

namespace riskgate::run {

struct HistoryAudit {
  policy::Policy policy;  // the policy that judged it (its source goes into reports)
  decide::Verdict verdict;
  core::ScopeSummary scope;
  core::RunIdentity run;  // which repository, and when (reports' "run")
};

// `progress`: the audit's counters, for a caller that draws them while it runs.
core::Result<HistoryAudit> AuditHistory(const HistoryRequest& request,
                                        evaluate::history::AuditProgress& progress);

}  // namespace riskgate::run
