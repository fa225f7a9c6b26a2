#!/usr/bin/env bash
# Second command of the README (and what CI runs). Two build trees, the suite run once:
#   build/ci      g++ (the compiler the binary ships with), warnings as errors: builds everything,
#                 runs the unit tests, checks the format;
#   build/ci-san  clang 14 with AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer's
#                 coverage on every library: runs the whole suite (unit, e2e, hostile), then every
#                 fuzz target briefly from the same tree.
# ccache is used when installed (its cache lives outside the tree). Prints each phase's wall time.
#   RISKGATE_SKIP_SANITIZERS=1  the whole suite in build/ci instead, no clang tree, no fuzzing
#   RISKGATE_SKIP_FUZZ=1        no fuzz smoke
#   RISKGATE_FUZZ_SECONDS=N     seconds per fuzz target (default 10)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/deps.sh"
jobs=$(nproc)
start=$SECONDS
times=()

phase() {
  local name=$1 began=$SECONDS
  shift
  echo "== $name"
  "$@"
  times+=("$(printf '%-34s %5d s' "$name" $((SECONDS - began)))")
  echo "== $name: $((SECONDS - began)) s"
}

launcher=()
if command -v ccache >/dev/null 2>&1; then
  # Paths inside the tree hash relative to it, so any clone of the project shares the cache.
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

configure() {
  local dir=$1
  shift
  cmake -S "$root" -B "$dir" -G Ninja -DRISKGATE_WERROR=ON "${launcher[@]}" "$@" >/dev/null
}

build_tree() {
  configure "$@"
  cmake --build "$1" -j "$jobs"
}

# skip_reasons BUILD_DIR: why the last ctest run there skipped what it skipped (ctest's summary
# names the tests only), one line per reason with its count.
skip_reasons() {
  local log=$1/Testing/Temporary/LastTest.log
  [ -f "$log" ] || return 0
  awk '/^[0-9]+\/[0-9]+ Test: / { sub(/^[0-9]+\/[0-9]+ Test: /, ""); name = $0; next }
       /^Command: / || /Regex=\[/ { next }
       /RISKGATE_TEST_SKIPPED/ && !(name in seen) {
         seen[name] = 1; reason = $0
         if (reason ~ /RISKGATE_TEST_SKIPPED: /) sub(/.*RISKGATE_TEST_SKIPPED: /, "", reason)
         else sub(/ *\(?RISKGATE_TEST_SKIPPED\)? */, "", reason)
         count[reason]++ }
       END { for (r in count) printf "skipped, %d test(s): %s\n", count[r], r }' "$log" | sort
}

suite() {
  local status=0
  ctest --test-dir "$1" -j "$jobs" --output-on-failure "${@:2}" || status=$?
  skip_reasons "$1"
  return $status
}

phase "g++ -Werror build" build_tree "$root/build/ci" -DCMAKE_BUILD_TYPE=RelWithDebInfo
phase "format check" cmake --build "$root/build/ci" --target check_format
if [ "${RISKGATE_SKIP_SANITIZERS:-0}" = 1 ]; then
  phase "whole suite (g++)" suite "$root/build/ci"
else
  phase "unit tests (g++)" suite "$root/build/ci" -L unit
  san="$root/build/ci-san"
  # -O1 and line tables: sanitizer reports with file:line, at a fraction of -g's compile time.
  CC=clang-14 CXX=clang++-14 phase "clang ASan+UBSan build" build_tree "$san" \
    -DCMAKE_BUILD_TYPE=Debug -DRISKGATE_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" "-DCMAKE_C_FLAGS_DEBUG=-O1 -gline-tables-only"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$root/tests/lsan.supp":print_suppressions=0 \
    phase "whole suite (ASan+UBSan)" suite "$san"
  # Fuzz smoke: every libFuzzer target runs on its seeds (tests/fuzz/README.md).
  if [ "${RISKGATE_SKIP_FUZZ:-0}" != 1 ]; then
    phase "fuzz smoke" "$root/tools/fuzz.sh" --build "$san" --time "${RISKGATE_FUZZ_SECONDS:-10}" \
      --parallel "$jobs"
  fi
fi
echo "== phase times"
printf '%s\n' "${times[@]}"
echo "== total: $((SECONDS - start)) s"
