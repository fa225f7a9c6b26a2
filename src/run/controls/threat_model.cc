// The threat-model control: a touched component needs a model that is present, fresh, complete
// and owned (evaluate/threat_model/, gathered by run/gather_threat_models.cc).
#include "evaluate/threat_model/threat_model_evaluator.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"
#include "run/gather_threat_models.h"

namespace riskgate::run::controls {
namespace {

constexpr BuiltinRule kRules[] = {
    {"threat-model-missing", "a touched component has no threat model",
     "risky code should not ship before anyone thought about how it fails",
     "riskgate threat-model init COMPONENT"},
    {"threat-model-stale", "the component's model is older than the policy allows",
     "a model that no longer describes the code gives false comfort",
     "Review and update the model in the same change"},
    {"threat-model-incomplete", "the model misses required parts",
     "every part answers a question an attacker will ask", "Fill in the parts the finding names"},
    {"threat-model-unparsable", "the model file cannot be parsed",
     "an unreadable model cannot be judged", "Fix the syntax at the location named"},
    {"threat-model-uncovered", "the model does not name the component",
     "a model of something else does not cover this", "Add a heading or element naming it"},
    {"entry-point-unmodelled", "a new entry point is not in the model",
     "new ways in are where attacks start", "Describe the entry point in the model"},
    {"residual-risk-unowned", "an open or accepted threat has no owner",
     "a risk nobody owns is a risk nobody watches", "Name an owner for the threat"},
    {"residual-risk-acceptance-incomplete", "an accepted threat lacks its date or expiry",
     "acceptance is a decision with a lifetime", "Add the acceptance date and expiry"},
    {"residual-risk-expired", "an accepted threat's acceptance has expired",
     "acceptances are revisited, not forgotten", "Re-assess the threat and renew or fix it"},
    {"residual-risk-acceptance-invalid",
     "an acceptance dated in the future, longer than max_acceptance_days, or not by an owner",
     "only the component's owners may accept its risk, and for a bounded time",
     "Have an owner accept it, dated today, with an expiry the policy allows"},
    {"residual-risk-acceptance-unapproved",
     "the change writes an acceptance that no owner of the component approved",
     "a change may not accept its own risk", "Have one of the component's owners approve it"},
    {"residual-risk-dropped-unapproved",
     "the change takes a residual risk out of the model (deleted, renamed, closed) unapproved",
     "the risk register is the owners' record, not the change's",
     "Have one of the component's owners approve it"},
};

class ThreatModelControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::threat_model::kControl; }

  core::Result<void> Gather(const policy::Policy& policy, GatherContext& context,
                            collect::ChangeFacts& facts) const override {
    auto models =
        GatherThreatModels(policy.threat_model, facts, context.repo, context.scope, context.now);
    if (!models) return tl::unexpected(models.error());
    facts.threat_models = std::move(*models);
    return {};
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {
        evaluate::threat_model::EvaluateThreatModels(facts, policy.threat_model, policy.reviews)};
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    if (!ExplainBuiltin(kRules, Name(), id, e)) return false;
    e.severity_note = "set by the component's risk tier";
    if (!policy.threat_model.enabled) e.applies = "never: controls.threat_model is off";
    return true;
  }

  bool On(const policy::Policy& policy) const override { return policy.threat_model.enabled; }

  std::string Summary(const policy::Policy& policy) const override {
    return std::string("threat_model: ") + OnOff(policy.threat_model.enabled) + ", " +
           std::to_string(policy.threat_model.components.size()) + " components\n";
  }
};

}  // namespace

const Control& ThreatModel() {
  static const ThreatModelControl control;
  return control;
}

}  // namespace riskgate::run::controls
