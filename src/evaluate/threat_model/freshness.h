// Stage 3 (evaluate): whether a threat model is fresh under the policy's freshness mode
// (`max_age_days` of the change, or no older than the component's last code change), the one
// judgement both the check and `riskgate threat-model status` use. Pure: facts in, verdict out.
#pragma once

#include <string>
#include <string_view>

#include "collect/facts.h"
#include "policy/threat_model_control.h"

namespace riskgate::evaluate::threat_model {

struct FreshnessVerdict {
  bool fresh = false;
  std::string reason;  // when stale: why, naming the model, its date and the limit
};

// True when the change updates the model: adds it, or edits more than its whitespace and
// digits (bumping a `last_reviewed:` date is no review; the component owners' waiver of the
// stale finding is the sanctioned way to keep an unchanged model).
bool UpdatedByChange(const collect::ModelFile& model);
// The same judgement between two versions of a model's text: true when they differ by more
// than whitespace and digits. The app also asks it of the trusted history, so that a commit
// on the base that only bumped a date is no update either.
bool IsModelUpdate(std::string_view before, std::string_view after);

// `change_time` is when the judged change happens (seconds: the clock); `component` holds the
// time of its last code change for `freshness: last_change`. A model last updated by a commit
// dated more than a day after `change_time` is stale: that date is forged, its age unknown.
FreshnessVerdict JudgeFreshness(const collect::ModelFile& model,
                                const collect::ComponentFacts& component,
                                const policy::ThreatModelControl& control, long long change_time);

}  // namespace riskgate::evaluate::threat_model
