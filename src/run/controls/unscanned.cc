// What the gate could not read (binary, oversized, undecodable files): never a silent pass
// (evaluate/unscanned/).
#include "evaluate/secrets/keystore.h"
#include "evaluate/unscanned/unscanned_files.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

class UnscannedControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::unscanned::kControl; }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    // A keystore the secrets control reports is judged (keystore-file), not left unscanned.
    std::vector<core::SkippedFile> skipped;
    for (const auto& file : facts.scope.skipped) {
      if (!evaluate::secrets::ReportsKeystore(file, policy.secrets)) skipped.push_back(file);
    }
    return {evaluate::FoldRepeats(evaluate::unscanned::EvaluateUnscanned(
        skipped, policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn)))};
  }
};

}  // namespace

const Control& Unscanned() {
  static const UnscannedControl control;
  return control;
}

}  // namespace riskgate::run::controls
