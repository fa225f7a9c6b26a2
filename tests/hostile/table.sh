#!/usr/bin/env bash
# Prints the hostile suite's outcome table (Markdown) from each case's header lines.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cases
printf '| case | surface | attack | expected |\n|---|---|---|---|\n'
for f in "$dir"/*.sh; do
  field() { sed -n "s/^# $1: //p" "$f" | head -n 1; }
  printf '| %s | %s | %s | %s |\n' "$(basename "$f" .sh)" "$(field surface)" "$(field attack)" "$(field expect)"
done
