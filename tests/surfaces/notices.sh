#!/usr/bin/env bash
# LICENSE is the Apache License 2.0, and every library the built binary links or loads is named,
# by its Debian source package, in THIRD_PARTY_NOTICES.md: the static archives the build linked
# (BUILD_DIR/static-archives.txt, written by cmake/StaticDependencies.cmake) and the shared
# libraries ldd lists for the binary and for its HTTP module (libriskgate_http.so beside it).
# A library added to the build without its notice fails here.
#
#   tests/surfaces/notices.sh RISKGATE_BINARY SOURCE_DIR BUILD_DIR
set -euo pipefail
usage="usage: notices.sh RISKGATE_BINARY SOURCE_DIR BUILD_DIR"
binary=${1:?$usage}
source_dir=${2:?$usage}
build_dir=${3:?$usage}
notices=$source_dir/THIRD_PARTY_NOTICES.md
status=0
grep -q "Apache License" "$source_dir/LICENSE" && grep -q "Version 2.0, January 2004" "$source_dir/LICENSE" ||
  { echo "LICENSE is not the Apache License 2.0" >&2; status=1; }
command -v dpkg >/dev/null || { echo "notices.sh: no dpkg here (RISKGATE_TEST_SKIPPED)"; exit 0; }
# shellcheck source=../../tools/dpkg_owner.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../tools/dpkg_owner.sh"
module=$(dirname "$binary")/libriskgate_http.so
[ -f "$module" ] || { echo "notices.sh: the HTTP module $module is missing" >&2; exit 1; }

# The files: archives first, then every shared library either program loads.
files() {
  if [ -f "$build_dir/static-archives.txt" ]; then grep -v '^$' "$build_dir/static-archives.txt"; fi
  local program
  for program in "$binary" "$module"; do
    ldd "$program" | awk '$3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}'
  done
}
count=0
declare -A seen=()
while read -r library; do
  owner=$(dpkg_owner "$library")
  if [ -z "$owner" ]; then
    echo "$library: no Debian package owns it" >&2
    status=1
    continue
  fi
  source=$(dpkg-query -W -f='${source:Package}' "$owner")
  [ -z "${seen[$source]:-}" ] || continue
  seen[$source]=1
  count=$((count + 1))
  # Named in a table's source-package column: "| library | <source> |" or in a list there.
  if ! grep -qE -- "^\| [^|]+ \| ([^|]*[ ,])?$source([ ,][^|]*)? \|" "$notices"; then
    echo "$library (source package $source) is linked or loaded by riskgate but THIRD_PARTY_NOTICES.md does not name it" >&2
    status=1
  fi
done < <(files | sort -u)
[ "$count" -gt 5 ] || { echo "notices.sh: only $count source packages found" >&2; status=1; }
[ $status -eq 0 ] && echo "LICENSE is Apache-2.0; the $count source packages riskgate links or loads (${!seen[*]}) are named in THIRD_PARTY_NOTICES.md"
exit $status
