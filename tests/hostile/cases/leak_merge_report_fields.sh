# attack: a shard report handed to merge carries raw credentials in its fields (message, path, remedies)
# surface: merge
# expect: block
new_repo
token=$(fake_github_token)
plant "$token"
gl=$(fake_gitlab_token)
plant "$gl"
write config/app.env "GITHUB_TOKEN=$token"
commit leak
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/shard.json"
# Tamper: every string field of every finding becomes a credential-bearing text.
/usr/bin/python3 - "$HOSTILE_WORK/shard.json" "$token" "$gl" <<'PY'
import json, sys
path, token, gl = sys.argv[1:4]
doc = json.load(open(path))
def taint(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("message", "summary", "detail", "secret"):
                node[k] = "use https://ci:%s@h/ then %s" % (gl, token)
            else:
                taint(v)
    elif isinstance(node, list):
        for v in node:
            taint(v)
for f in doc["findings"]:
    taint(f)
json.dump(doc, open(path, "w"))
PY
cd "$HOSTILE_WORK"
for format in text json sarif junit github gitlab markdown; do
  gate block merge shard.json --format "$format"
done
# run.sh checks every output for planted secrets too; this case also checks here, so it fails on
# its own if that check ever changes.
while IFS= read -r secret; do
  [ -n "$secret" ] || continue
  if grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" >/dev/null; then
    fail "a planted secret appears in: $(grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" | tr '\n' ' ')"
  fi
done <"$HOSTILE_OUT/planted"
