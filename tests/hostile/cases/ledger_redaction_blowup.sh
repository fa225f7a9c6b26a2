# attack: an artifact whose ignored message is 4 MB of `eyJ.` (each a JWT start whose run reached to the end of the text) or of `password=`: the secret check behind every report scanned the rest of the string once per occurrence, so one file stalled the central ingest for about 20 minutes; the check must take linear time and refuse the report
# surface: ledger
# expect: error (within the case's time limit)
base_repo
RISKGATE_NOW=2026-11-02 gate pass check --worktree --format json --output "$HOSTILE_OUT/good.json"
for unit in 'eyJ.' 'password=' 'authorization:'; do
  python3 - "$HOSTILE_OUT/good.json" "$HOSTILE_OUT/long.json" "$unit" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["scope"]["description"] = sys.argv[3] * (4_000_000 // len(sys.argv[3]))
json.dump(doc, open(sys.argv[2], "w"))
PY
  HOSTILE_TIMEOUT=60 gate error ledger ingest --db "$HOSTILE_OUT/ledger.sqlite" "$HOSTILE_OUT/long.json"
  expect_in_output 'scope.description: holds what looks like a secret'
done
rm -f "$HOSTILE_OUT/long.json"
