# attack: a tag whose name holds a token names a tree (no commit) holding another token in a file whose name is a token too: the tree's paths are reported as <ref>:<path>, so every output would print the ref's and the file's names
# surface: history, merge
# expect: block (the tree's file, its path and the tag's name are findings), never a token in any output
base_repo
token=$(fake_github_token)
name=$(fake_gitlab_token)
stripe=$(fake_stripe_key)
plant "$token"
plant "$name"
plant "$stripe"
blob=$(printf 'github_token = %s\n' "$token" | git hash-object -w --stdin)
tree=$(printf '100644 blob %s\t%s\n' "$blob" "$stripe" | git mktree)
git update-ref "refs/tags/$name" "$tree"
gate block history --format json --output "$HOSTILE_WORK/h.json"
keep_output "$HOSTILE_WORK/h.json"
python3 - "$HOSTILE_WORK/h.json" <<'PY' || fail 'the tree was not judged as a ref-only object'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["scope"]["history"]["ref_objects"] == 1, report["scope"]["history"]
kinds = {(f["rule"], o["kind"]) for f in report["findings"] for o in f["history"]["occurrences"]}
rules = {rule for rule, kind in kinds if kind == "ref"}
assert {"github-pat-classic", "gitlab-pat", "stripe-secret-key"} <= rules, kinds
for f in report["findings"]:
    fix = f["remediation"][0]["detail"]
    assert "Delete the ref" in fix and "rewrite the branch" not in fix, fix
PY
gate block history
gate block history --format sarif
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/s.json"
keep_output "$HOSTILE_WORK/s.json"
gate block merge "$HOSTILE_WORK/s.json" --format json --output "$HOSTILE_WORK/m.json"
keep_output "$HOSTILE_WORK/m.json"
python3 - "$HOSTILE_WORK/m.json" <<'PY' || fail 'the merged report lost the ref-only object'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["scope"]["history"]["ref_objects"] == 1, report["scope"]["history"]
assert any(o["kind"] == "ref" for f in report["findings"] for o in f["history"]["occurrences"])
PY
