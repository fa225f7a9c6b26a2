// The secrets control: credentials in what a change adds (evaluate/secrets/).
#include <functional>
#include <memory>

#include "evaluate/secrets/collect_filter.h"
#include "evaluate/secrets/secrets_evaluator.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

class SecretsControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::secrets::kControl; }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    if (!policy.secrets.enabled) return {};
    return evaluate::secrets::EvaluateSecrets(facts, policy.secrets);
  }

  // Only the secrets scan reads contexts, for secrets spanning lines; one scanner judges both.
  CollectTests Tests(const policy::Policy& policy) const override {
    auto filter = std::make_shared<evaluate::secrets::CollectFilter>(policy.secrets);
    return {[filter](std::string_view text) { return filter->MayFind(text); },
            [filter](std::string_view path, std::string_view text) {
              return filter->LinesMayFind(path, text);
            }};
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    for (const auto& rule : policy.secrets.rules) {
      if (rule.id != id) continue;
      e.control = std::string(Name());
      e.description = rule.description;
      e.why = "a credential in a repository is readable by everyone who can clone it, forever";
      if (rule.regex) {
        e.matches.push_back("text matching /" + rule.regex->source() + "/" +
                            (rule.keywords.empty() ? ""
                                                   : " (checked when a line holds " +
                                                         JoinList(rule.keywords, " or ") + ")"));
      }
      if (rule.path) e.matches.push_back("files whose path matches /" + rule.path->source() + "/");
      if (rule.checksum != policy::TokenChecksum::kNone) {
        e.matches.push_back("confidence high when the token's " +
                            std::string(policy::TokenChecksumName(rule.checksum)) +
                            " checksum holds, low when it fails");
      } else {
        e.matches.push_back("confidence " +
                            std::string(core::ConfidenceName(rule.BaseConfidence())) +
                            " (low for a placeholder-like value)");
      }
      e.severity = rule.severity;
      e.fix = rule.fix.empty()
                  ? "Revoke the credential" +
                        (rule.revoke_url.empty() ? std::string() : " at " + rule.revoke_url) +
                        ", then remove it from the change"
                  : rule.fix;
      e.mitigate = rule.mitigate;
      e.origin = rule.origin;
      if (!policy.secrets.enabled) e.applies = "never: controls.secrets is disabled";
      return true;
    }
    return false;
  }

  bool On(const policy::Policy& policy) const override { return policy.secrets.enabled; }

  std::string Summary(const policy::Policy& policy) const override {
    std::string caps;
    for (const auto& [confidence, decision] : policy.secrets.max_decision) {
      caps += ", " + std::string(core::ConfidenceName(confidence)) +
              " confidence decides at most " + std::string(core::DecisionName(decision));
    }
    return "secrets: " + std::string(OnOff(policy.secrets.enabled)) + ", " +
           std::to_string(policy.secrets.rules.size()) + " rules" + caps + "\n";
  }
};

}  // namespace

const Control& Secrets() {
  static const SecretsControl control;
  return control;
}

}  // namespace riskgate::run::controls
