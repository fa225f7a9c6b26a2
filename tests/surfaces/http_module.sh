#!/usr/bin/env bash
# riskgate's HTTP module (collect/forge/http_module.cc): cpp-httplib and TLS are loaded only
# when a forge API is called, from beside the binary or ../lib/riskgate/, never from the working
# directory; a missing module or one from another build fails closed at once (exit 2, named,
# not retried). Everything is written inside a temporary folder.
#
#   tests/surfaces/http_module.sh RISKGATE_BINARY
set -euo pipefail
binary=$(cd "$(dirname "${1:?usage: http_module.sh RISKGATE_BINARY}")" && pwd)/$(basename "$1")
module=$(dirname "$binary")/libriskgate_http.so
[ -f "$module" ] || { echo "http_module.sh: $module is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "http_module.sh: $*" >&2; status=1; }
# shellcheck source=repos.sh
. "$(dirname "${BASH_SOURCE[0]}")/repos.sh"

# (ldd's output captured first: grep -q would end the pipe early under pipefail.)
binary_libraries=$(ldd "$binary")
module_libraries=$(ldd "$module")
! grep -qE "httplib|libssl|brotli" <<<"$binary_libraries" ||
  fail "riskgate itself links the HTTP stack: $binary_libraries"
grep -q "libcpp-httplib" <<<"$module_libraries" || fail "the module does not link cpp-httplib"

# A range judged by a reviews control that reads GitHub on a port nobody listens on, 3 retries.
repo=$work/repo
surface_git_env "$work/home"
make_forge_repo "$repo" 3

# run BINARY: exit code in $code, output in $out, seconds in $took.
run() {
  local started=$EPOCHREALTIME
  set +e
  out=$(cd "$repo" && "$1" check --base HEAD~1 --pr 1 --forge-project o/r 2>&1)
  code=$?
  set -e
  took=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}')
}

# 1. The built binary loads the module: the refusal comes from the HTTP client itself.
run "$binary"
[ "$code" -eq 2 ] && grep -q "failed after 4 attempts: Connection" <<<"$out" ||
  fail "the built binary did not reach the HTTP client (exit $code): $out"

# 2. The binary alone: the module is missing, named, and not retried. A module in the
#    repository (the working directory) is never loaded.
mkdir -p "$work/alone"
cp "$binary" "$work/alone/riskgate"
cp "$module" "$repo/libriskgate_http.so"
run "$work/alone/riskgate"
[ "$code" -eq 2 ] && grep -q "HTTP module (libriskgate_http.so) is missing; looked at $work/alone/libriskgate_http.so, $work/alone/../lib/riskgate/libriskgate_http.so" <<<"$out" ||
  fail "a missing module was not reported (exit $code): $out"
awk -v t="$took" 'BEGIN {exit !(t < 1.5)}' || fail "a missing module was retried ($took s)"
rm "$repo/libriskgate_http.so"

# 3. The install layout: bin/riskgate finds lib/riskgate/libriskgate_http.so.
mkdir -p "$work/prefix/bin" "$work/prefix/lib/riskgate"
cp "$binary" "$work/prefix/bin/riskgate"
cp "$module" "$work/prefix/lib/riskgate/"
run "$work/prefix/bin/riskgate"
[ "$code" -eq 2 ] && grep -q "failed after 4 attempts: Connection" <<<"$out" ||
  fail "bin/riskgate did not load lib/riskgate/libriskgate_http.so (exit $code): $out"

# 4. Another shared library in the module's place is refused, never called.
cp "$(ldd "$binary" | awk '$1 ~ /^libm\.so/ {print $3}')" "$work/alone/libriskgate_http.so"
run "$work/alone/riskgate"
[ "$code" -eq 2 ] && grep -q "belongs to another build of riskgate" <<<"$out" ||
  fail "a foreign module was not refused (exit $code): $out"

[ $status -eq 0 ] && echo "the HTTP module loads only from beside riskgate or ../lib/riskgate, and a missing or foreign one fails closed at once"
exit $status
