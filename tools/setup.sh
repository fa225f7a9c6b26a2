#!/usr/bin/env bash
# First command of the README: install what is missing, build riskgate, run it on the example.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRISKGATE_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" --target riskgate
"$root/examples/demo/run.sh" "$root/build/src/app/riskgate"
