#!/usr/bin/env bash
# Benchmark: the default secrets pack on the secret-examples corpus (bench/README.md).
#
# Builds bench/secret_examples (build/bench, -DRISKGATE_BENCH=ON) and runs it: every text of
# ../shared/corpus/secret-examples/secret-examples.jsonl in its own file of a temporary git tree,
# `riskgate check --worktree`, then prints placeholder texts set apart, recall per source on the
# real-looking positives, families found, false alarms on the negatives by a rule of the same
# family, and, for each --code tree, findings and time against --baseline (today's binary).
# It only prints figures: exit 0 whatever they are, 2 when it cannot run.
#
# Usage: bench/secret_examples.sh [--riskgate BIN] [--baseline BIN] [--code GIT_TREE]... [--list]
#   --riskgate BIN  the binary judged (default: the one built in build/bench)
#   --baseline BIN  today's binary for the noise and speed comparison on --code trees
#   --code DIR      a git work tree of real code (repeatable)
#   --list          also list the placeholder texts
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
corpus=$root/../shared/corpus/secret-examples/secret-examples.jsonl
[[ -f $corpus ]] || { echo "secret_examples.sh: $corpus not found (../shared is absent)" >&2; exit 2; }
build=$root/build/bench
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRISKGATE_BENCH=ON \
  -DRISKGATE_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target secret_examples_bench riskgate -j "$(nproc)" >/dev/null
args=(--corpus "$corpus" --riskgate "$build/src/app/riskgate")
while (($#)); do
  case $1 in
    --riskgate) args+=(--riskgate "$(realpath "${2:?}")"); shift 2 ;;
    --baseline) args+=(--baseline "$(realpath "${2:?}")"); shift 2 ;;
    --code) args+=(--code "$(realpath "${2:?}")"); shift 2 ;;
    --list) args+=(--list); shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "secret_examples.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
exec "$build/bench/secret_examples/secret_examples_bench" "${args[@]}"
