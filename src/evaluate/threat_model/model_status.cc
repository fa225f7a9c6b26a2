#include "evaluate/threat_model/model_status.h"

#include "core/text.h"
#include "evaluate/threat_model/freshness.h"
#include "evaluate/threat_model/model_document.h"

namespace riskgate::evaluate::threat_model {

std::vector<core::ComponentStatus> ComponentStatuses(const collect::ThreatModelFacts& facts,
                                                     const policy::ThreatModelControl& control) {
  std::vector<core::ComponentStatus> out;
  for (const auto& component : control.components) {
    core::ComponentStatus status;
    status.name = component.name;
    status.tier = std::string(policy::RiskTierName(component.tier));
    status.owners = component.owners;
    const collect::ComponentFacts* found = nullptr;
    for (const auto& c : facts.components) {
      if (c.name == component.name) found = &c;
    }
    if (found == nullptr) {
      out.push_back(std::move(status));
      continue;
    }
    for (const auto& model : found->models) {
      core::ModelStatus m;
      m.path = model.path;
      m.exists = model.content.has_value();
      if (model.last_updated) m.age_days = (facts.change_time - *model.last_updated) / 86400;
      if (m.exists) {
        const ModelDocument doc = ReadModel(model.path, *model.content, control.required_parts);
        m.format = std::string(ModelFormatName(doc.format));
        m.error = doc.error;
        for (const auto& part : doc.parts) {
          if (!part.present || part.empty) m.missing_parts.push_back(part.name);
        }
        for (const auto& risk : doc.residual) {
          if (risk.severity_known && risk.severity < control.residual_severity) continue;
          ++m.open_risks;
          if (!HasOwner(risk)) ++m.unowned_risks;
        }
        const auto freshness = JudgeFreshness(model, *found, control, facts.change_time);
        m.fresh = freshness.fresh;
        m.stale_reason = freshness.reason;
        if (m.error.empty() && m.missing_parts.empty() && m.fresh) status.usable = true;
      }
      status.models.push_back(std::move(m));
    }
    out.push_back(std::move(status));
  }
  return out;
}

}  // namespace riskgate::evaluate::threat_model
