#include "evaluate/threat_model/model_skeleton.h"

#include "core/text.h"

namespace riskgate::evaluate::threat_model {

std::string ModelSkeleton(const policy::Component& component,
                          const policy::ThreatModelControl& control,
                          const std::vector<std::string>& entry_points,
                          const std::vector<std::string>& owners) {
  std::string out = "# Threat model: " + component.name + "\n\n";
  out +=
      "<!-- Written by `riskgate threat-model init`. Replace every <fill in ...> line; the\n"
      "     threat-model control reports a section that still holds only placeholders. -->\n\n";
  out += "- Component: " + component.name + "\n";
  out += "- Risk tier: " + std::string(policy::RiskTierName(component.tier)) + "\n";
  out += "- Code: ";
  for (std::size_t i = 0; i < component.paths.size(); ++i) {
    out += (i == 0 ? "`" : ", `") + component.paths[i] + "`";
  }
  std::string owner_list;
  for (const auto& owner : owners) owner_list += (owner_list.empty() ? "" : ", ") + owner;
  out += "\n- Owners: " +
         (owner_list.empty() ? std::string("<fill in: who owns this component>") : owner_list) +
         "\n\n";
  for (const auto& part : control.required_parts) {
    out += "## " + part + "\n\n";
    const std::string key = core::AsciiLower(part);
    if (key.starts_with("entry point") && !entry_points.empty()) {
      for (const auto& e : entry_points) out += "- `" + e + "`: <fill in: what arrives here>\n";
      out += "\n";
      continue;
    }
    if (key.starts_with("residual")) {
      out +=
          "| Threat | Severity | Status | Owner | Accepted | Expires |\n"
          "|---|---|---|---|---|---|\n"
          "| <fill in> | High | Open | <fill in: owner> | | |\n\n";
      continue;
    }
    out += "<fill in: " + key + ">\n\n";
  }
  return out;
}

}  // namespace riskgate::evaluate::threat_model
