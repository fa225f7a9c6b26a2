#!/usr/bin/env bash
# Second command of the README (and what CI runs): build with warnings as errors and run every
# test, then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer, then a short
# run of every fuzz target.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/deps.sh"
jobs=$(nproc)

run_suite() {
  local dir=$1; shift
  cmake -S "$root" -B "$dir" -G Ninja -DRISKGATE_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure
}

run_suite "$root/build/ci" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$root/build/ci" --target check_format
if [ "${RISKGATE_SKIP_SANITIZERS:-0}" != 1 ]; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$root/tests/lsan.supp":print_suppressions=0 \
    run_suite "$root/build/asan" -DCMAKE_BUILD_TYPE=Debug -DRISKGATE_SANITIZE=ON
fi
# Fuzz smoke: every libFuzzer target builds and runs on its seeds (tests/fuzz/README.md).
if [ "${RISKGATE_SKIP_FUZZ:-0}" != 1 ]; then
  "$root/tools/fuzz.sh" --time "${RISKGATE_FUZZ_SECONDS:-10}" --parallel "$jobs"
fi
