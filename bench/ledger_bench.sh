#!/usr/bin/env bash
# The risk ledger at fleet scale (issue 23): 10,000 generated riskgate reports (50 repositories,
# bench/ledger/generate_reports.py) ingested into a new ledger, ingested again (idempotent: no
# row added), and the dashboard built from it in every format. Prints wall times, peak RSS and
# the database's size against the targets (ingest <= 30 s, dashboard <= 5 s, database < 50 MB),
# and, as the baseline measured in the same run, the time Python's json module takes only to
# parse the same files: ingest / parse is what riskgate's validation and SQLite add.
#   bench/ledger_bench.sh [--riskgate BIN] [--reports N] [--repositories R]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
riskgate=$here/../build/bench/src/app/riskgate
reports=10000
repositories=50
while [ $# -gt 0 ]; do
  case $1 in
    --riskgate) riskgate=$2; shift 2 ;;
    --reports) reports=$2; shift 2 ;;
    --repositories) repositories=$2; shift 2 ;;
    *) echo "usage: ledger_bench.sh [--riskgate BIN] [--reports N] [--repositories R]" >&2; exit 2 ;;
  esac
done
[ -x "$riskgate" ] || { echo "ledger_bench.sh: no riskgate at $riskgate (build build/bench or pass --riskgate)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export RISKGATE_NOW=2026-11-30

python3 "$here/ledger/generate_reports.py" "$tmp/artifacts" --reports "$reports" \
  --repositories "$repositories" --end "$RISKGATE_NOW"
files=$(find "$tmp/artifacts" -name '*.json' | wc -l)
bytes=$(du -sb "$tmp/artifacts" | cut -f1)

# seconds LABEL CMD...: runs CMD under GNU time; prints nothing, records $tmp/LABEL.{s,kb}.
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/$label.time" "$@" > "$tmp/$label.out" 2> "$tmp/$label.err" ||
    { cat "$tmp/$label.err" >&2; echo "ledger_bench.sh: $label failed" >&2; exit 2; }
  read -r seconds kb < "$tmp/$label.time"
  printf '%s' "$seconds" > "$tmp/$label.s"
  printf '%s' "$kb" > "$tmp/$label.kb"
}

timed parse python3 -c '
import json, os, sys
for root, _, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(root, name)) as f:
            json.load(f)
' "$tmp/artifacts"
timed ingest "$riskgate" ledger ingest --db "$tmp/ledger.sqlite" "$tmp/artifacts"
timed again "$riskgate" ledger ingest --db "$tmp/ledger.sqlite" "$tmp/artifacts"
grep -q "0 report(s) added, $files already recorded" "$tmp/again.out" ||
  { echo "ledger_bench.sh: the second ingest was not a no-op: $(cat "$tmp/again.out")" >&2; exit 2; }
for format in html markdown json csv openmetrics; do
  timed "dashboard-$format" "$riskgate" dashboard --db "$tmp/ledger.sqlite" --format "$format" \
    --output "$tmp/dashboard.$format"
done
db_bytes=$(stat -c %s "$tmp/ledger.sqlite")
[ -f "$tmp/ledger.sqlite-wal" ] && db_bytes=$((db_bytes + $(stat -c %s "$tmp/ledger.sqlite-wal")))

s() { cat "$tmp/$1.s"; }
mb() { awk -v kb="$(cat "$tmp/$1.kb")" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "MET" : "NOT MET") }'; }
echo
echo "ledger bench: $files reports of $repositories repositories, $((bytes / 1024 / 1024)) MB of JSON"
printf '  %-40s %8s s   peak RSS %s\n' "json.load of every report (baseline)" "$(s parse)" "$(mb parse)"
printf '  %-40s %8s s   peak RSS %s   %.2fx the baseline   target <= 30 s: %s\n' \
  "riskgate ledger ingest" "$(s ingest)" "$(mb ingest)" \
  "$(awk -v a="$(s ingest)" -v b="$(s parse)" 'BEGIN { print a / b }')" "$(verdict "$(s ingest)" 30)"
printf '  %-40s %8s s   peak RSS %s\n' "ingest again (nothing new)" "$(s again)" "$(mb again)"
for format in html markdown json csv openmetrics; do
  printf '  %-40s %8s s   peak RSS %s   %s KB' "riskgate dashboard --format $format" \
    "$(s "dashboard-$format")" "$(mb "dashboard-$format")" \
    "$(( $(stat -c %s "$tmp/dashboard.$format") / 1024 ))"
  [ "$format" = html ] && printf '   target <= 5 s: %s' "$(verdict "$(s dashboard-html)" 5)"
  printf '\n'
done
printf '  %-40s %8.1f MB   target < 50 MB: %s\n' "ledger database" \
  "$(awk -v b="$db_bytes" 'BEGIN { print b / 1048576 }')" "$(verdict "$db_bytes" 52428799)"
