// Stage run: the first draft of a component's threat model (`riskgate threat-model init`): its
// Markdown model path, the component's files and entry points in the index, and its owners (the
// policy's, else CODEOWNERS at HEAD).
#pragma once

#include <string>

#include "core/error.h"
#include "run/judge_change.h"

namespace riskgate::run {

struct ModelDraft {
  std::string target;  // repository path of the model to write
  std::string text;
  std::size_t parts = 0;  // required parts left to fill in
};

core::Result<ModelDraft> DraftModel(Judgement& judged, const std::string& component_name);

}  // namespace riskgate::run
