// Stage run: the rows of the control table, one file each (run/control_table.cc lists them).
#pragma once

#include "run/control.h"

namespace riskgate::run::controls {

const Control& Secrets();
const Control& Unscanned();
const Control& PolicyGuard();
const Control& Pins();
const Control& Reviews();
const Control& Custom();
const Control& ThreatModel();
const Control& Waivers();

}  // namespace riskgate::run::controls
