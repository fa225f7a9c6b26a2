// Stage run: a waiver `riskgate waive` would add: for a finding of the working tree, within the
// policy's authority and duration rules (decide's own StatusOf, so the command and the gate
// cannot disagree), with an id nobody uses, and a waiver file that still loads afterwards.
#pragma once

#include <string>

#include "core/error.h"
#include "policy/waivers.h"
#include "run/judge_change.h"

namespace riskgate::run {

struct WaiverRequest {
  std::string fingerprint;  // of a finding of `judged`
  std::string owner;
  std::string approver;
  std::string reason;
  std::string expires;  // YYYY-MM-DD
  std::string id;       // default: <rule>-<first 8 of the fingerprint>
  std::string ticket;
  std::string mitigation;
};

struct NewWaiver {
  policy::Waiver waiver;
  std::string severity;  // of the finding it accepts
  std::string path;      // the waiver file, absolute
  std::string text;      // its content with the waiver appended
};

// A usage error says why the waiver cannot be added; nothing is written here.
core::Result<NewWaiver> DraftWaiver(const Judgement& judged, const WaiverRequest& request);

}  // namespace riskgate::run
