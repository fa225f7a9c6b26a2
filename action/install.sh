#!/usr/bin/env bash
# Builds riskgate from the action's own source tree and puts it on PATH for later steps.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/deps.sh" --build-only  # no test tooling
build="${RUNNER_TEMP:-/tmp}/riskgate-build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRISKGATE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target riskgate
echo "$build/src/app" >> "${GITHUB_PATH:-/dev/null}"
echo "RISKGATE_BIN=$build/src/app/riskgate" >> "${GITHUB_ENV:-/dev/null}"
