// What the gate could not read (binary, oversized, undecodable files): never a silent pass
// (evaluate/unscanned/).
#include "evaluate/unscanned/unscanned_files.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

class UnscannedControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::unscanned::kControl; }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {evaluate::FoldRepeats(evaluate::unscanned::EvaluateUnscanned(
        facts.scope.skipped, policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn)))};
  }
};

}  // namespace

const Control& Unscanned() {
  static const UnscannedControl control;
  return control;
}

}  // namespace riskgate::run::controls
