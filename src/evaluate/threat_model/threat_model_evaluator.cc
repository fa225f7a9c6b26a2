#include "evaluate/threat_model/threat_model_evaluator.h"

#include "core/date.h"
#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/threat_model/model_document.h"

namespace riskgate::evaluate::threat_model {
namespace {

constexpr long long kDay = 86400;

const policy::Component* FindComponent(const policy::ThreatModelControl& control,
                                       const std::string& name) {
  for (const auto& c : control.components) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string List(const std::vector<std::string>& items, std::size_t max = 5) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) {
    out += (i == 0 ? "" : ", ") + core::EscapeForDisplay(items[i]);
  }
  if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
  return out;
}

class ComponentJudge {
 public:
  ComponentJudge(const collect::ComponentFacts& facts, const policy::Component& component,
                 const policy::ThreatModelControl& control, long long change_time,
                 std::vector<core::Finding>& out)
      : facts_(facts), component_(component), control_(control), now_(change_time), out_(out) {}

  void Run() {
    std::vector<const collect::ModelFile*> present;
    for (const auto& model : facts_.models) {
      if (model.content) present.push_back(&model);
    }
    if (present.empty()) {
      auto& f = Add("threat-model-missing",
                    "component '" + component_.name + "' (" +
                        std::string(policy::RiskTierName(component_.tier)) +
                        " risk) changes here, and none of its threat models exists: " +
                        List(component_.models),
                    Where(), 0, "missing");
      f.hints.fix = "Run `riskgate threat-model init " + core::ShellQuote(component_.name) +
                    "`, fill in its parts, and commit it with this change";
      return;
    }
    bool fresh = false;
    std::vector<std::string> stale_reasons;
    for (const auto* model : present) {
      std::string reason;
      if (IsFresh(*model, reason))
        fresh = true;
      else
        stale_reasons.push_back(reason);
    }
    if (!fresh) {
      auto& f = Add("threat-model-stale",
                    "the threat model of component '" + component_.name + "' is stale: " +
                        List(stale_reasons) + "; this change touches " + List(facts_.touched),
                    present.front()->path, 0, "stale");
      f.hints.fix = "Review " + present.front()->path +
                    " against this change and commit an update to it in the same range";
    }
    bool covered = false;
    for (const auto* model : present) {
      const ModelDocument doc = ReadModel(model->path, *model->content, control_.required_parts);
      if (!doc.error.empty()) {
        auto& f = Add("threat-model-unparsable",
                      model->path + " does not parse as a " +
                          std::string(ModelFormatName(doc.format)) + " threat model: " + doc.error,
                      model->path, doc.error_line, "unparsable");
        f.hints.fix = "Correct " + model->path + " so the gate can read it";
        continue;
      }
      Parts(*model, doc);
      Residual(*model, doc);
      covered = covered || Mentions(doc, component_.name);
      for (const auto& alias : component_.aliases) covered = covered || Mentions(doc, alias);
      EntryPoints(*model, doc);
    }
    if (!covered) {
      auto& f = Add("threat-model-uncovered",
                    "the threat model of component '" + component_.name +
                        "' never names it (nor an alias) in a heading or element",
                    present.front()->path, 0, "uncovered");
      f.hints.fix = "Add a section or element named '" + component_.name + "' to " +
                    present.front()->path + ", or list the name it uses under `aliases`";
    }
  }

 private:
  std::string Where() const {
    return facts_.touched.empty() ? component_.models.front() : facts_.touched.front();
  }

  core::Finding& Add(std::string rule, std::string message, std::string path, int line,
                     const std::string& identity,
                     std::optional<core::Severity> severity = std::nullopt) {
    core::Finding f;
    f.control = std::string(kControl);
    f.rule = std::move(rule);
    f.severity = severity.value_or(policy::SeverityForTier(component_.tier));
    f.message = std::move(message);
    f.location = core::Location{std::move(path), line, 0, std::nullopt};
    f.fingerprint =
        core::Sha256Hex("threat_model\0" + f.rule + '\0' + component_.name + '\0' + identity)
            .substr(0, 32);
    f.hints.mitigate =
        "Ship the change behind a feature flag or to limited tenants while the "
        "threat model is brought up to date";
    // Accepting the risk of a high-tier component is for its owners.
    if (component_.tier == policy::RiskTier::kHigh) f.hints.acceptors = component_.owners;
    out_.push_back(std::move(f));
    return out_.back();
  }

  bool IsFresh(const collect::ModelFile& model, std::string& reason) const {
    if (model.changed) return true;  // updated in this very change
    if (!model.last_updated) {
      reason = model.path + " is not committed";
      return false;
    }
    const long long updated = *model.last_updated;
    if (control_.freshness == policy::Freshness::kLastChange) {
      if (!facts_.last_code_change || *facts_.last_code_change <= updated) return true;
      reason = model.path + " was last updated " + core::FormatDate(core::DayOfUnixTime(updated)) +
               ", before the component's code changed on " +
               core::FormatDate(core::DayOfUnixTime(*facts_.last_code_change));
      return false;
    }
    const long long age = (now_ - updated) / kDay;
    if (age <= control_.max_age_days) return true;
    reason = model.path + " was last updated " + std::to_string(age) + " days ago (" +
             core::FormatDate(core::DayOfUnixTime(updated)) + "; at most " +
             std::to_string(control_.max_age_days) + " allowed)";
    return false;
  }

  void Parts(const collect::ModelFile& model, const ModelDocument& doc) {
    for (const auto& part : doc.parts) {
      if (part.present && !part.empty) continue;
      const bool markdown = doc.format == ModelFormat::kMarkdown;
      auto& f = Add("threat-model-incomplete",
                    model.path + (part.present ? " has an empty '" + part.name + "' section"
                                               : " has no '" + part.name + "' " +
                                                     (markdown ? "heading" : "elements")),
                    model.path, part.present ? part.line : 0, model.path + '\0' + part.name,
                    std::min(policy::SeverityForTier(component_.tier), core::Severity::kMedium));
      f.hints.fix = markdown ? "Write the '" + part.name + "' section of " + model.path
                             : "Model the " + core::AsciiLower(part.name) + " in " + model.path;
    }
  }

  void Residual(const collect::ModelFile& model, const ModelDocument& doc) {
    for (const auto& risk : doc.residual) {
      if (risk.severity_known && risk.severity < control_.residual_severity) continue;
      const std::string title = risk.title.empty() ? "a residual risk" : "'" + risk.title + "'";
      if (!HasOwner(risk)) {
        auto& f = Add("residual-risk-unowned",
                      model.path + ": " + title + " (" + risk.status + ") has no owner", model.path,
                      risk.line, model.path + '\0' + risk.title);
        f.hints.fix = "Name who owns " + title +
                      (component_.owners.empty() ? std::string()
                                                 : " (one of " + List(component_.owners) + ")");
        continue;
      }
      if (risk.status != "accepted") continue;
      if (risk.date.empty() || risk.expires.empty()) {
        auto& f = Add("residual-risk-acceptance-incomplete",
                      model.path + ": " + title + " is accepted without " +
                          (risk.date.empty() ? std::string("the date it was accepted")
                                             : std::string("an expiry")),
                      model.path, risk.line, model.path + '\0' + risk.title + "\0date");
        f.hints.fix = "Record when " + title + " was accepted and until when";
        continue;
      }
      const auto expires = core::ParseDate(risk.expires);
      if (expires && *expires < core::DayOfUnixTime(now_)) {
        auto& f = Add("residual-risk-expired",
                      model.path + ": the acceptance of " + title + " expired on " +
                          core::FormatDate(*expires),
                      model.path, risk.line, model.path + '\0' + risk.title + "\0expired");
        f.hints.fix = "Review " + title + " again: mitigate it, or renew its acceptance";
      }
    }
  }

  void EntryPoints(const collect::ModelFile& model, const ModelDocument& doc) {
    for (const auto& path : facts_.touched) {
      bool entry = false;
      for (const auto& glob : control_.entry_points)
        entry = entry || core::MatchPathGlob(glob, path);
      if (!entry) continue;
      const std::string base = path.substr(path.rfind('/') + 1);
      if (Mentions(doc, path) || Mentions(doc, base)) continue;
      auto& f = Add("entry-point-unmodelled",
                    path + " is an entry point (controls.threat_model.entry_points) that " +
                        model.path + " does not mention",
                    path, 0, model.path + '\0' + path,
                    std::min(policy::SeverityForTier(component_.tier), core::Severity::kMedium));
      f.hints.fix = "Add " + path + " to the 'Entry points' of " + model.path;
    }
  }

  const collect::ComponentFacts& facts_;
  const policy::Component& component_;
  const policy::ThreatModelControl& control_;
  long long now_;
  std::vector<core::Finding>& out_;
};

}  // namespace

std::vector<core::Finding> EvaluateThreatModels(const collect::ChangeFacts& facts,
                                                const policy::ThreatModelControl& control) {
  std::vector<core::Finding> out;
  if (!control.enabled) return out;
  for (const auto& component_facts : facts.threat_models.components) {
    const policy::Component* component = FindComponent(control, component_facts.name);
    if (component == nullptr) continue;
    ComponentJudge(component_facts, *component, control, facts.threat_models.change_time, out)
        .Run();
  }
  return out;
}

}  // namespace riskgate::evaluate::threat_model
