# attack: a base64-encoded token sits alone among bytes no base64 word uses, starting at each of the 64 offsets of a 64-byte block (and ending anywhere in the next), so that a word finder that passes over blocks by a quick test of whole bytes (the span decoder's) would skip the one block it starts in and the full history audit would pass
# surface: history, range
# expect: block
base_repo
token=$(fake_github_token)
encoded=$(printf 'token=%s' "$token" | base64 -w0 | tr -d '=')
plant "$token"
plant "$encoded"
for offset in $(seq 0 63); do
  dots=$(printf '%*s' "$offset" '' | tr ' ' '.')
  write "notes/at-$offset.txt" "$dots$encoded...................................................."
done
commit "notes at every offset"
gate block check --base "$base" --head HEAD
gate block history --format json --output "$HOSTILE_WORK/history.json"
keep_output "$HOSTILE_WORK/history.json"
/usr/bin/python3 - "$HOSTILE_WORK/history.json" <<'PY' || fail "a block offset hid the encoded token from the history audit"
import json, sys
report = json.load(open(sys.argv[1]))
paths = set()
for finding in report.get("findings", []):
    paths.add(finding.get("path"))
    for seen in (finding.get("history") or {}).get("occurrences", []):
        paths.add(seen.get("path"))
missing = [o for o in range(64) if f"notes/at-{o}.txt" not in paths]
if missing:
    print("no finding at offsets", missing)
    sys.exit(1)
PY
