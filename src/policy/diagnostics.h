// Stage 2 (policy): the located diagnostics moved to core (core/diagnostics.h) so that every
// stage's document readers share them; the policy stage keeps using them by these names.
#pragma once

#include "core/diagnostics.h"

namespace riskgate::policy {

using core::Diagnostic;
using core::Diagnostics;
using core::Mark;

}  // namespace riskgate::policy
