# attack: a secret committed only on a tag, a side branch and a stash, never on the checked-out branch
# surface: history
# expect: block
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
git checkout -q -b side
write side.txt "token=$token"
commit side
git tag -a v0 -m tagged
git checkout -q main
git branch -D side -q
gate block history --format json
python3 - "$GATE_OUT" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert any(f["path"] == "side.txt" for f in d["findings"]), "the tagged secret was not found"
PY
git tag -d v0 >/dev/null
write other.txt "token=$token"
git stash push -q -u -m hide
gate block history --format json
