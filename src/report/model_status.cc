#include "report/model_status.h"

#include "core/json_out.h"
#include "core/text.h"
#include "report/redacted.h"

namespace riskgate::report {
namespace {

using core::ComponentStatus;
using core::JsonOut;

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + core::EscapeForDisplay(item);
  return out;
}

// "2 of 3 high-tier components have a usable threat model (67%)".
std::pair<int, int> HighTierCoverage(const std::vector<ComponentStatus>& rows) {
  int total = 0, usable = 0;
  for (const auto& row : rows) {
    if (row.tier != "high") continue;
    ++total;
    if (row.usable) ++usable;
  }
  return {usable, total};
}

std::string Text(const std::vector<ComponentStatus>& rows) {
  std::string out;
  for (const auto& row : rows) {
    out += core::EscapeForDisplay(row.name) + " (" + row.tier +
           " risk): " + (row.usable ? "usable threat model" : "NO usable threat model") + "\n";
    if (!row.owners.empty()) out += "  owners: " + Join(row.owners) + "\n";
    for (const auto& m : row.models) {
      out += "  " + core::EscapeForDisplay(m.path) + ": ";
      if (!m.exists) {
        out += "missing\n";
        continue;
      }
      out += m.format;
      out += m.age_days ? ", updated " + std::to_string(*m.age_days) + " days ago"
                        : std::string(", not committed");
      if (!m.fresh) out += ", stale: " + core::EscapeForDisplay(m.stale_reason);
      if (!m.error.empty()) out += ", does not parse: " + core::EscapeForDisplay(m.error);
      if (!m.missing_parts.empty()) out += ", missing: " + Join(m.missing_parts);
      out += ", open residual risks: " + std::to_string(m.open_risks);
      if (m.unowned_risks > 0) out += " (" + std::to_string(m.unowned_risks) + " without owner)";
      out += "\n";
    }
  }
  const auto [usable, total] = HighTierCoverage(rows);
  out += "\nhigh-tier coverage: " + std::to_string(usable) + " of " + std::to_string(total) +
         " components have a usable threat model";
  if (total > 0) out += " (" + std::to_string(100 * usable / total) + "%)";
  return out + "\n";
}

std::string Json(const std::vector<ComponentStatus>& rows, const ReportOrigin& origin) {
  JsonOut components = JsonOut::Array();
  for (const auto& row : rows) {
    JsonOut models = JsonOut::Array();
    for (const auto& m : row.models) {
      models.Push(JsonOut::Object(
          {{"path", m.path},
           {"exists", m.exists},
           {"format", m.exists ? JsonOut(m.format) : JsonOut()},
           {"age_days", m.age_days},
           {"fresh", m.exists && m.fresh},
           {"stale_reason", m.exists && !m.fresh ? JsonOut(m.stale_reason) : JsonOut()},
           {"error", m.error.empty() ? JsonOut() : JsonOut(m.error)},
           {"missing_parts", m.missing_parts},
           {"open_residual_risks", m.open_risks},
           {"unowned_residual_risks", m.unowned_risks}}));
    }
    components.Push(JsonOut::Object({{"name", row.name},
                                     {"tier", row.tier},
                                     {"owners", row.owners},
                                     {"usable", row.usable},
                                     {"models", std::move(models)}}));
  }
  const auto [usable, total] = HighTierCoverage(rows);
  JsonOut doc = JsonOut::Object(
      {{"components", std::move(components)},
       {"high_tier_coverage", JsonOut::Object({{"usable", usable}, {"total", total}})}});
  SetOrigin(doc, "threat-model-status", origin);
  // Keys sorted, as this document has always been written.
  return doc.Dump(2, core::JsonKeys::kSorted) + "\n";
}

}  // namespace

std::optional<StatusFormat> ParseStatusFormat(std::string_view name) {
  if (name == "text") return StatusFormat::kText;
  if (name == "json") return StatusFormat::kJson;
  return std::nullopt;
}

std::string WriteModelStatus(StatusFormat format, const std::vector<ComponentStatus>& rows,
                             const ReportOrigin& origin) {
  const std::vector<ComponentStatus> redacted = RedactedStatus(rows);
  return format == StatusFormat::kJson ? Json(redacted, origin) : Text(redacted);
}

}  // namespace riskgate::report
