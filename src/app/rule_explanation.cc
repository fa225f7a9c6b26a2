#include "app/rule_explanation.h"

#include "core/json_out.h"

namespace riskgate::app {

std::string ExplanationText(const RuleExplanation& e) {
  std::string out = e.id + " (" + e.control + (e.kind.empty() ? "" : ", " + e.kind) + ")\n";
  out += "  " + e.description + "\n";
  if (!e.why.empty()) out += "why: " + e.why + "\n";
  for (const auto& m : e.matches) out += "matches: " + m + "\n";
  out += "applies: " + e.applies + "\n";
  if (e.severity_note.empty()) {
    out += "severity: " + std::string(core::SeverityName(e.severity)) +
           ", which this policy decides as " + std::string(core::DecisionName(e.decision)) + "\n";
  } else {
    out += "severity: " + e.severity_note + "\n";
  }
  out += "remedies:\n";
  if (!e.fix.empty()) out += "  fix: " + e.fix + "\n";
  if (!e.mitigate.empty()) out += "  mitigate: " + e.mitigate + "\n";
  out += "  accept: " + e.accept + "\n";
  out += "defined at: " + e.origin + "\n";
  return out;
}

std::string ExplanationJson(const RuleExplanation& e) {
  const auto doc = core::JsonOut::Object(
      {{"id", e.id},
       {"control", e.control},
       {"kind", e.kind},
       {"description", e.description},
       {"why", e.why},
       {"matches", e.matches},
       {"applies", e.applies},
       {"severity", e.severity_note.empty() ? core::JsonOut(core::SeverityName(e.severity))
                                            : core::JsonOut(nullptr)},
       {"decision", e.severity_note.empty() ? core::JsonOut(core::DecisionName(e.decision))
                                            : core::JsonOut(nullptr)},
       {"severity_note", e.severity_note},
       {"remedies",
        core::JsonOut::Object({{"fix", e.fix}, {"mitigate", e.mitigate}, {"accept", e.accept}})},
       {"origin", e.origin}});
  return doc.Dump(2, core::JsonKeys::kSorted);
}

}  // namespace riskgate::app
