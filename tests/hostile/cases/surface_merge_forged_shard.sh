# attack: a shard report edited to say "pass" with its blocking finding removed from the counts, or malformed
# surface: merge
# expect: block
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
write leak.txt "token=$token"
commit leak
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/s1.json"
keep_output "$HOSTILE_WORK/s1.json"
python3 - "$HOSTILE_WORK/s1.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
d["decision"] = "pass"
for k in ("block", "warn"):
    if k in d.get("summary", {}):
        d["summary"][k] = 0
json.dump(d, open(p, "w"))
PY
gate block merge "$HOSTILE_WORK/s1.json"
printf '{"tool": "riskgate", "findings": [' >"$HOSTILE_WORK/bad.json"
gate error merge "$HOSTILE_WORK/bad.json"
