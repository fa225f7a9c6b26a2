// Stage 5 (report): where a document came from, in the JSON documents a ledger reads back
// (`riskgate ledger ingest`): the tool, the kind of document, the run (repository, change,
// time), the commit judged and the policy. Input: values the run gathered (redacted here);
// output: JSON members. No I/O.
#pragma once

#include <string>
#include <string_view>

#include "core/json_out.h"
#include "core/scope.h"

namespace riskgate::report {

struct ReportOrigin {
  const core::RunIdentity* run = nullptr;
  const core::PolicySource* policy = nullptr;
  std::string commit;  // HEAD's commit id; empty when unborn
};

// The "run" object of an already redacted run: null members where the run could not tell;
// null when `run` is null.
core::JsonOut RunJson(const core::RunIdentity* run);

// Sets "tool", "kind", "run", "commit" and "policy" on `doc` (an object), redacted.
void SetOrigin(core::JsonOut& doc, std::string_view kind, const ReportOrigin& origin);

}  // namespace riskgate::report
