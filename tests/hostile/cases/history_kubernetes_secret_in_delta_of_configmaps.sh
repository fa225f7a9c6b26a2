# attack: a long manifest of ConfigMaps, with no "Secret" anywhere, turned into a Secret by a one-word change that git keeps as a delta of the clean version; the sweep looks for the word only around what a delta changed when the base lacked it, so the Secret's value (under a key no other rule reads as a secret's, so only the Kubernetes reading finds it) must still be judged and reported at the commit that made it
# surface: history
# expect: block
new_repo
python3 - <<'PY'
with open("deploy.yaml", "w") as f:
    for i in range(3000):
        f.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-%04d\n"
                "data:\n  mode: fast\n  replicas: \"%d\"\n" % (i, i % 7))
PY
commit base
clean=$(cat deploy.yaml)
value='Zq8vT3mKx7LpR2wN9bYc4HsJ6dF1gA5e'
plant "$value"
python3 - "$value" <<'PY'
import sys
text = open("deploy.yaml").read()
doc = "kind: ConfigMap\nmetadata:\n  name: app-1500\ndata:\n  mode: fast\n"
assert doc in text
text = text.replace(doc, "kind: Secret\nmetadata:\n  name: app-1500\nstringData:\n  cluster_ref: %s\n" % sys.argv[1])
open("deploy.yaml", "w").write(text)
PY
commit 'one ConfigMap becomes a Secret'
printf '%s\n' "$clean" >deploy.yaml
commit 'back to ConfigMaps'
# Later clean versions, larger: git keeps one of them whole and the Secret's version as a delta
# of a clean one (no "Secret" in its base).
for n in 1 2 3; do
  printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-%d\ndata:\n  mode: slow\n' "$n" >>deploy.yaml
  commit "extra $n"
done
git repack -adfq --window=50 --depth=50
require_deltas deploy.yaml 1 HEAD~4
gate block history --format json
expect_secrets_introduced_at deploy.yaml HEAD~4
