#include "report/origin.h"

#include "core/date.h"
#include "report/redacted.h"
#include "report/report.h"

namespace riskgate::report {

using core::JsonOut;

JsonOut RunJson(const core::RunIdentity* run) {
  if (run == nullptr) return JsonOut();
  const core::RunIdentity redacted = RedactedRun(*run);
  auto text = [](const std::string& value) { return value.empty() ? JsonOut() : JsonOut(value); };
  return JsonOut::Object({{"repository", text(redacted.repository)},
                          {"change", text(redacted.change)},
                          {"event", text(redacted.event)},
                          {"ci", redacted.ci},
                          {"time", core::FormatTimestamp(redacted.time)}});
}

void SetOrigin(JsonOut& doc, std::string_view kind, const ReportOrigin& origin) {
  doc.Set("tool", JsonOut::Object({{"name", kToolName}, {"version", ToolVersion()}}));
  doc.Set("kind", kind);
  doc.Set("run", RunJson(origin.run));
  doc.Set("commit", origin.commit.empty() ? JsonOut() : JsonOut(origin.commit));
  if (origin.policy == nullptr) {
    doc.Set("policy", nullptr);
    return;
  }
  const core::PolicySource policy = RedactedPolicySource(*origin.policy);
  doc.Set("policy", JsonOut::Object({{"source", policy.origin}, {"sha256", policy.sha256}}));
}

}  // namespace riskgate::report
