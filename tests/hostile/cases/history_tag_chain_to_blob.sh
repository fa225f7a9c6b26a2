# attack: a blob holding a private key behind a chain of annotated tags (a tag of a tag of the blob), each tag with a clean name and message: git pushes the blob with the outer tag, no commit holds it
# surface: history
# expect: block
base_repo
key=$(fake_private_key)
plant "$(fake_key_body)"
blob=$(printf '%s\n' "$key" | git hash-object -w --stdin)
git tag -a inner -m 'inner' "$blob"
git tag -a outer -m 'outer' inner
git tag -d inner >/dev/null
gate block history --format json --output "$HOSTILE_WORK/h.json"
keep_output "$HOSTILE_WORK/h.json"
python3 - "$HOSTILE_WORK/h.json" "$blob" <<'PY' || fail 'the blob behind the tags was not judged'
import json, sys
report = json.load(open(sys.argv[1]))
found = [o for f in report["findings"] for o in f["history"]["occurrences"]
         if f["rule"] == "private-key" and o["kind"] == "ref"]
assert found and found[0]["commit"] == sys.argv[2] and found[0]["path"] == "refs/tags/outer", found
PY
