// Stage 3 (evaluate): what counts as a commit pin in pipeline configuration.
#pragma once

#include <string_view>

namespace riskgate::evaluate::pins {

// A full 40-hex commit SHA (a short SHA, tag or branch is not a pin).
bool IsFullCommitSha(std::string_view ref);

}  // namespace riskgate::evaluate::pins
