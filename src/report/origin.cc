#include "report/origin.h"

#include <optional>

#include "core/date.h"
#include "report/redacted.h"
#include "report/report.h"

namespace riskgate::report {

using core::JsonOut;

JsonOut RunJson(const core::RunIdentity* run) {
  if (run == nullptr) return JsonOut();
  auto text = [](const std::string& value) { return value.empty() ? JsonOut() : JsonOut(value); };
  return JsonOut::Object({{"repository", text(run->repository)},
                          {"change", text(run->change)},
                          {"event", text(run->event)},
                          {"ci", run->ci},
                          {"time", core::FormatTimestamp(run->time)}});
}

void SetOrigin(JsonOut& doc, std::string_view kind, const ReportOrigin& origin) {
  doc.Set("tool", JsonOut::Object({{"name", kToolName}, {"version", ToolVersion()}}));
  doc.Set("kind", kind);
  const auto run = origin.run != nullptr ? std::optional(RedactedRun(*origin.run)) : std::nullopt;
  doc.Set("run", RunJson(run ? &*run : nullptr));
  doc.Set("commit", origin.commit.empty() ? JsonOut() : JsonOut(origin.commit));
  if (origin.policy == nullptr) {
    doc.Set("policy", nullptr);
    return;
  }
  const core::PolicySource policy = RedactedPolicySource(*origin.policy);
  doc.Set("policy", JsonOut::Object({{"source", policy.origin}, {"sha256", policy.sha256}}));
}

}  // namespace riskgate::report
