#!/usr/bin/env bash
# Every shared library the built binary loads (ldd) belongs to a Debian package that
# THIRD_PARTY_NOTICES.md names, and LICENSE is the Apache License 2.0: a library added to the
# build without its notice fails here.
#
#   tests/surfaces/notices.sh RISKGATE_BINARY SOURCE_DIR
set -euo pipefail
binary=${1:?usage: notices.sh RISKGATE_BINARY SOURCE_DIR}
source_dir=${2:?usage: notices.sh RISKGATE_BINARY SOURCE_DIR}
notices=$source_dir/THIRD_PARTY_NOTICES.md
status=0
grep -q "Apache License" "$source_dir/LICENSE" && grep -q "Version 2.0, January 2004" "$source_dir/LICENSE" ||
  { echo "LICENSE is not the Apache License 2.0" >&2; status=1; }
command -v dpkg >/dev/null || { echo "notices.sh: no dpkg here (RISKGATE_TEST_SKIPPED)"; exit 0; }
count=0
while read -r library; do
  [ -n "$library" ] || continue
  # Debian merges /lib into /usr/lib: ask dpkg for either spelling.
  real=$(readlink -f "$library")
  package=$(dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$real" 2>/dev/null || dpkg -S "${real#/usr}" 2>/dev/null || true)
  package=${package%%:*}
  if [ -z "$package" ]; then
    echo "$library: no Debian package owns it" >&2
    status=1
    continue
  fi
  count=$((count + 1))
  if ! grep -q -- "$package" "$notices"; then
    echo "$library ($package) is loaded by riskgate but THIRD_PARTY_NOTICES.md does not name it" >&2
    status=1
  fi
done < <(ldd "$binary" | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u)
[ "$count" -gt 5 ] || { echo "notices.sh: ldd listed only $count libraries" >&2; status=1; }
[ $status -eq 0 ] && echo "LICENSE is Apache-2.0; the $count libraries riskgate loads are named in THIRD_PARTY_NOTICES.md"
exit $status
