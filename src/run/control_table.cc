// The control table: one row per control, in the order their findings are reported. A new
// control is its evaluate/<name>/ folder, its row file in run/controls/ and one line here.
#include <iterator>

#include "run/controls/rows.h"

namespace riskgate::run {

ControlTable DefaultControls() {
  static const Control* const kControls[] = {
      &controls::Secrets(),      //
      &controls::Unscanned(),    //
      &controls::PolicyGuard(),  //
      &controls::Pins(),         //
      &controls::Reviews(),      //
      &controls::Custom(),       //
      &controls::ThreatModel(),  //
      &controls::Waivers(),      //
  };
  return kControls;
}

evaluate::Evaluation EvaluateControls(const collect::ChangeFacts& facts,
                                      const policy::Policy& policy,
                                      const evaluate::RepositoryLayout& layout,
                                      ControlTable controls) {
  evaluate::Evaluation out;
  for (const Control* control : controls) {
    auto found = control->Evaluate(facts, policy, layout);
    out.findings.insert(out.findings.end(), std::make_move_iterator(found.findings.begin()),
                        std::make_move_iterator(found.findings.end()));
    out.suppressed_inline += found.suppressed_inline;
    out.inline_ignored += found.inline_ignored;
  }
  return out;
}

}  // namespace riskgate::run
