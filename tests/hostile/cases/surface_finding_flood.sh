# attack: 20,000 secrets in one change so that caps, counters or time give out
# surface: range
# expect: block
base_repo
# Distinct AWS-shaped key ids (AKIA + 16 of A-Z2-7), made by a seeded generator.
python3 - <<'PY' >keys.txt
import random
random.seed(16)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
for i in range(20000):
    print("key%d=%s%s" % (i, "AK" + "IA", "".join(random.choice(alphabet) for _ in range(16))))
PY
plant "$(sed -n 1p keys.txt | cut -d= -f2)"
commit flood
gate block check --base "$base" --head HEAD --format json
python3 - "$GATE_OUT" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["decision"] == "block", d["decision"]
PY
