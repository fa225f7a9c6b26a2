// Stage 5 (report): reads riskgate's own JSON and SARIF reports back into findings, so that
// `riskgate merge` can join the reports of sharded history audits. Input: a document that may
// have been edited or truncated on its way (untrusted); output: the findings, scope and policy
// it describes, or an error naming the field that is wrong. SARIF keeps less than JSON (no
// remedies, waiver details or skipped files): merge JSON reports where you can.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/scope.h"

namespace riskgate::report {

struct ReadReport {
  core::Decision decision = core::Decision::kPass;
  std::vector<core::JudgedFinding> findings;
  core::ScopeSummary scope;
  core::PolicySource policy;
  int omitted = 0;  // findings the report counted but did not list (caps)
  int suppressed_inline = 0;
  int inline_ignored = 0;
  std::optional<core::RunIdentity> run;  // absent in reports older than the "run" object
};

// The "run" object of a JSON report, register or status (`where` names it in complaints);
// nullopt when absent or null. An error for a wrong type or a time that is not RFC 3339.
core::Result<std::optional<core::RunIdentity>> ReadRunIdentity(const core::Node& top,
                                                               const std::string& name);

// `name` is used in messages (the file it came from).
core::Result<ReadReport> ReadJsonReport(std::string_view text, const std::string& name);
core::Result<ReadReport> ReadSarifReport(std::string_view text, const std::string& name);
// The same for a JSON document already parsed (the ledger reads more of it).
core::Result<ReadReport> ReadJsonReportTree(const core::Node& doc, const std::string& name);
// JSON or SARIF, told apart by content.
core::Result<ReadReport> ReadAnyReport(std::string_view text, const std::string& name);

}  // namespace riskgate::report
