// The reviews control: approvals and code owners, read from the forge or commit trailers
// (evaluate/reviews/, gathered by run/gather_reviews.cc).
#include <algorithm>

#include "evaluate/reviews/reviews_evaluator.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"
#include "run/gather_reviews.h"

namespace riskgate::run::controls {
namespace {

constexpr BuiltinRule kRules[] = {
    {"approvals-missing", "the change has fewer counted approvals than required",
     "two people looked at it is the oldest control in the book",
     "Ask for reviews; authors, bots and stale approvals do not count"},
    {"code-owner-approval-missing",
     "a changed file's CODEOWNERS owners (read from the base) have not approved",
     "owners know the invariants of their code", "Request a review from the named owners"},
    {"codeowners-malformed", "a CODEOWNERS line cannot be read",
     "an unreadable line silently drops an ownership rule", "Fix the line the finding names"},
    {"forge-approvals-missing", "GitLab's own approval rules still want approvals",
     "the forge's rules and the gate agree", "Get the approvals the merge request lists"},
    {"reviews-unavailable", "the forge could not be read and on_error is block",
     "a gate that cannot see approvals must not pass", "Fix the token or the forge URL"},
};

class ReviewsControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::reviews::kControl; }

  // The review facts: for this control, and for a change to the policy files or to a threat
  // model, which needs their owners' approval even when this control is off. Gathered for the guard
  // alone, a failure to read approvals is recorded (the guard then blocks in CI), never an exit 2.
  core::Result<void> Gather(const policy::Policy& policy, GatherContext& context,
                            collect::ChangeFacts& facts) const override {
    const bool policy_changed = std::any_of(
        facts.policy_files.begin(), facts.policy_files.end(),
        [](const collect::FileVersions& f) { return f.base_content != f.head_content; });
    // A threat model the change edits may carry an acceptance it wrote, which stands only with
    // an owner's approval (evaluate/threat_model/).
    const bool model_changed =
        policy.threat_model.enabled &&
        std::any_of(policy.threat_model.components.begin(), policy.threat_model.components.end(),
                    [&](const auto& c) { return c.HasModelAmong(facts.changed_paths); });
    policy::ReviewsControl control = policy.reviews;
    const bool guard_only = (policy_changed || model_changed) && !control.enabled;
    if (guard_only) {
      control.enabled = true;
      control.on_error = policy::ForgeFailure::kBlock;
    }
    auto reviews =
        GatherReviews(control, facts, context.repo, context.env, context.request, policy.owners);
    if (reviews) {
      facts.reviews = std::move(*reviews);
    } else if (guard_only) {
      facts.reviews = {};
      facts.reviews.error = reviews.error().message;
    } else {
      return tl::unexpected(reviews.error());
    }
    return {};
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {evaluate::reviews::EvaluateReviews(facts, policy.reviews)};
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    if (!ExplainBuiltin(kRules, Name(), id, e)) return false;
    e.severity = policy.reviews.severity;
    if (!policy.reviews.enabled) e.applies = "never: controls.reviews is off";
    return true;
  }

  bool On(const policy::Policy& policy) const override { return policy.reviews.enabled; }

  std::string Summary(const policy::Policy& policy) const override {
    return std::string("reviews: ") + OnOff(policy.reviews.enabled) + "\n";
  }
};

}  // namespace

const Control& Reviews() {
  static const ReviewsControl control;
  return control;
}

}  // namespace riskgate::run::controls
