#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14) and runs each for a given time on its seed corpus in
# tests/fuzz/corpus/<target>/, growing a working corpus in build/fuzz/corpus/<target>/.
# Usage: tools/fuzz.sh [--time SECONDS] [--parallel N] [--build DIR] [TARGET...]
# --build DIR: use a tree already configured with -DRISKGATE_FUZZ=ON (tools/test.sh's build/ci-san)
# instead of configuring build/fuzz.
# Prints one line per target: executions, coverage (edges), corpus size, and any crash file.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=60
parallel=1
targets=()
build=""
while [ $# -gt 0 ]; do
  case $1 in
    --time) seconds=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ -z "$build" ]; then
  build="$root/build/fuzz"
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRISKGATE_FUZZ=ON -DRISKGATE_BUILD_TESTS=OFF \
    -DRISKGATE_WERROR=ON >/dev/null
elif ! grep -q '^RISKGATE_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz.sh: $build is not a tree configured with -DRISKGATE_FUZZ=ON" >&2
  exit 2
fi
if [ ${#targets[@]} -eq 0 ]; then
  for seeds in "$root"/tests/fuzz/corpus/*/; do targets+=("$(basename "$seeds")"); done
fi
cmake --build "$build" --target "${targets[@]}"

run_one() {
  local target=$1
  local work="$build/corpus/$target" artifacts="$build/artifacts/$target/" log="$build/logs/$target.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  local status=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  LSAN_OPTIONS=suppressions="$root/tests/lsan.supp":print_suppressions=0 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
    "$work" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  local execs cov units
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  units=$(find "$work" -type f | wc -l)
  if [ "$status" -ne 0 ]; then
    printf '%-22s FAILED (exit %s): %s; see %s\n' "$target" "$status" \
      "$(ls "$artifacts" | head -1)" "$log"
    return 1
  fi
  printf '%-22s %10s execs %7s edges %6s corpus files\n' "$target" "$execs" "$cov" "$units"
}
export -f run_one
export build root seconds
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'run_one {}'
