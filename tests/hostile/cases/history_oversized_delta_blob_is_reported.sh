# attack: a secret put into a file just larger than --max-file-size, in a version git keeps as a delta of another; the sweep learns a delta's size from its own instructions before reading it, so each such version must be reported as an unscanned file at its commit with its true size, never passed over in silence
# surface: history
# expect: pass
new_repo
write_settings 5000
commit base
plant_fake_tokens
insert_setting 2000 "github_token = $github"
commit 'a token in the middle'
# Later versions larger still: git keeps the largest whole and the token's version as a delta.
for i in $(seq 1 40); do printf 'added_%02d = a later option\n' "$i" >>settings.conf; done
commit 'more options'
edit_tip_and_repack settings.conf
require_deltas settings.conf 1 HEAD~5
limit=$(( $(git cat-file -s HEAD~5:settings.conf) - 10 ))
gate pass history --format json --max-file-size "$limit"
python3 - "$GATE_OUT" "$(git rev-parse HEAD~5)" "$(git cat-file -s HEAD~5:settings.conf)" <<'PY' || fail "the oversized version was not reported as unscanned: $(head -c 3000 "$GATE_OUT")"
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
rows = [f for f in findings if f["rule"] == "unscanned-file" and f["path"] == "settings.conf"]
commits = {f.get("commit") for f in rows}
text = json.dumps(rows)
assert sys.argv[2] in commits, (commits, sys.argv[2])
assert sys.argv[3] in text, "its size " + sys.argv[3] + " is not in " + text[:2000]
PY
