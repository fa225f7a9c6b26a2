# attack: a shard report handed to merge carries a confidence riskgate never writes (or of the wrong type), hoping the reader takes or crashes on it
# surface: merge
# expect: error
new_repo
token=$(fake_github_token)
plant "$token"
write config/app.env "GITHUB_TOKEN=$token"
commit leak
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/shard.json"
for forged in '"certain"' '7' '{"level": "high"}'; do
  /usr/bin/python3 - "$HOSTILE_WORK/shard.json" "$HOSTILE_WORK/forged.json" "$forged" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for f in doc["findings"]:
    f["confidence"] = json.loads(sys.argv[3])
json.dump(doc, open(sys.argv[2], "w"))
PY
  (cd "$HOSTILE_WORK" && gate error merge forged.json)
done
