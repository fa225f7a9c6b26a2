// Waivers: accepted risk with an owner, an approver who has the authority and an expiry. Decide
// applies them (decide/decide.cc) and reports the waiver file's own problems; this row explains
// those findings.
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

constexpr BuiltinRule kRules[] = {
    {"waiver-expiring", "a waiver ends soon", "accepted risk has an end date",
     "Fix the finding or renew the waiver with its approver"},
    {"waiver-orphaned", "a waiver matches no finding any more",
     "stale waivers hide future findings", "Delete the waiver"},
    {"waiver-too-long", "a waiver lasts longer than the policy allows",
     "long waivers become permanent", "Shorten the expiry"},
    {"waiver-unauthorized", "a waiver's approver lacks authority for the severity",
     "only the people the policy names may accept a risk", "Have an authorised approver sign"},
};

class WaiversControl final : public Control {
 public:
  std::string_view Name() const override { return "waivers"; }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& /*facts*/,
                                const policy::Policy& /*policy*/,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {};
  }

  bool Explain(const policy::Policy& /*policy*/, std::string_view id,
               RuleExplanation& e) const override {
    if (!ExplainBuiltin(kRules, Name(), id, e)) return false;
    e.severity_note = "the waived finding's";
    e.accept = "none: a finding about a waiver is resolved in the waiver file";
    return true;
  }
};

}  // namespace

const Control& Waivers() {
  static const WaiversControl control;
  return control;
}

}  // namespace riskgate::run::controls
