// Stage 5 (report): the redaction chokepoint. Every document a writer produces is built from
// these copies, in which each string that can carry text from the change or from a server
// (messages, paths, remedies, pin targets, waiver fields, history authors, the scope line, the
// policy's origin) went through core::RedactSecrets. Ids (fingerprints, commits) stay as they are.
#pragma once

#include <vector>

#include "core/model_status.h"
#include "core/scope.h"
#include "decide/decide.h"
#include "report/register.h"

namespace riskgate::report {

core::JudgedFinding RedactedFinding(core::JudgedFinding finding);
decide::Verdict RedactedVerdict(const decide::Verdict& verdict);
core::ScopeSummary RedactedScope(const core::ScopeSummary& scope);
core::PolicySource RedactedPolicySource(const core::PolicySource& policy);
core::RunIdentity RedactedRun(const core::RunIdentity& run);
std::vector<RegisterEntry> RedactedRegister(std::vector<RegisterEntry> entries);
std::vector<core::ComponentStatus> RedactedStatus(std::vector<core::ComponentStatus> rows);

}  // namespace riskgate::report
