# attack: CI artifacts handed to `riskgate ledger ingest` are anyone's to edit: one carries a token in its change name, one a markup-and-formula repository name; the ledger must refuse the first without printing or storing the token (the ledger file is leak-checked), and render the second inert in the HTML, Markdown and CSV dashboards
# surface: ledger
# expect: error, then pass
base_repo
token=$(fake_github_token)
plant "$token"
# The edited artifacts hold the token on purpose: outside the leak-checked outputs.
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT
RISKGATE_NOW=2026-11-02 gate pass check --worktree --format json --output "$artifacts/good.json"
python3 - "$artifacts" "$token" <<'PY'
import json, sys
folder, token = sys.argv[1], sys.argv[2]
good = json.load(open(f"{folder}/good.json"))
bad = json.loads(json.dumps(good))
bad["run"]["change"] = "fix-" + token
json.dump(bad, open(f"{folder}/token.json", "w"))
markup = json.loads(json.dumps(good))
markup["run"]["repository"] = '=HYPERLINK("http://evil")/<img src=x onerror=alert(1)>'
markup["run"]["time"] = "2026-11-03T12:00:00Z"
json.dump(markup, open(f"{folder}/markup.json", "w"))
PY
db=$HOSTILE_OUT/ledger.sqlite
gate error ledger ingest --db "$db" --repository local/app "$artifacts"
expect_in_output 'token.json: run.change: holds what looks like a secret'
expect_in_output '2 report(s) added'
for format in html markdown csv; do
  RISKGATE_NOW=2026-11-30 gate pass dashboard --db "$db" --format "$format" --output "$HOSTILE_OUT/dashboard.$format"
  keep_output "$HOSTILE_OUT/dashboard.$format"
done
grep -q '<img' "$HOSTILE_OUT/dashboard.html" && fail "the dashboard renders a repository name as markup"
grep -q '&lt;img src=x' "$HOSTILE_OUT/dashboard.html" || fail "the markup name is missing from the HTML dashboard"
grep -q '<img' "$HOSTILE_OUT/dashboard.markdown" && fail "the Markdown dashboard carries raw markup"
grep -qE '(^|,)"?=HYPERLINK' "$HOSTILE_OUT/dashboard.csv" && fail "a CSV cell starts with a formula"
grep -qF "'=HYPERLINK" "$HOSTILE_OUT/dashboard.csv" || fail "the formula-like repository name is missing from the CSV, or not defused"
true
