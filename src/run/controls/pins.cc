// The pins control: what a pipeline runs must not change under it (actions by tag, images by
// tag, curl | sh, unpinned packages) (evaluate/pins/).
#include "evaluate/pins/pins_evaluator.h"
#include "policy/pins_rules.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"
#include "run/forge_clients.h"
#include "run/pin_resolution.h"

namespace riskgate::run::controls {
namespace {

class PinsControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::pins::kControl; }

  bool WantsDocument(std::string_view path, const policy::Policy& policy,
                     const evaluate::RepositoryLayout& layout) const override {
    return evaluate::pins::WantsDocument(path, policy.pins, layout);
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& layout) const override {
    return {evaluate::pins::EvaluatePins(
        facts.files, policy.pins, layout,
        policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn))};
  }

  // The fix remedy names the exact commit a tag points at when the run may ask GitHub.
  void RefineRemedies(std::vector<core::Finding>& findings, const policy::Policy& policy,
                      GatherContext& context) const override {
    if (context.request.resolve_pins && NetworkAllowed(context.scope.mode, context.env)) {
      ResolvePinRemedies(findings, policy, context.env);
    }
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    const auto* rule = policy::FindPinsRule(id);
    if (rule == nullptr) return false;
    e.control = std::string(Name());
    e.description = std::string(rule->description);
    e.why = std::string(rule->why);
    e.matches = {std::string(rule->description)};
    auto it = policy.pins.severity.find(std::string(id));
    e.severity = it != policy.pins.severity.end() ? it->second : rule->severity;
    e.fix = std::string(rule->fix);
    e.mitigate = std::string(rule->mitigate);
    e.applies =
        "to the pipeline files the control reads (workflows, action.yml, GitLab CI, "
        "Dockerfiles, shell scripts, .pre-commit-config.yaml, .github/dependabot.yml)";
    e.origin = "built-in";
    if (!policy.pins.enabled || policy.pins.disabled_rules.contains(std::string(id))) {
      e.applies = "never: disabled by the policy";
    }
    return true;
  }

  std::string Summary(const policy::Policy& policy) const override {
    return std::string("pins: ") + OnOff(policy.pins.enabled) + "\n";
  }
};

}  // namespace

const Control& Pins() {
  static const PinsControl control;
  return control;
}

}  // namespace riskgate::run::controls
