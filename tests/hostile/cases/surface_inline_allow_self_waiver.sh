# attack: the change marks its own token `# riskgate:allow` (and gitleaks:allow) so the CI gate waives it for the author
# surface: range (CI), staged
# expect: block in CI; the local hook honours the marker
base_repo
token=$(fake_github_token)
plant "$token"
write src/settings.py "TOKEN = '$token'  # riskgate:allow"
git add -A
# A developer's own hook: the marker is theirs to use (local default).
gate pass check --staged
commit "add settings"
CI=true gate block check --base "$base" --head HEAD --format json
python3 - "$GATE_OUT" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["inline_ignored"] >= 1, d["summary"]
PY
# A base policy that chose to honour markers in CI keeps that choice.
git checkout -q "$base"
write .riskgate.yaml 'version: 1' 'extends: [builtin:default]' 'controls:' '  secrets:' '    inline_suppressions: allow'
commit "policy honours inline markers"
base=$(git rev-parse HEAD)
write src/settings.py "TOKEN = '$token'  # riskgate:allow"
commit "add settings again"
CI=true gate pass check --base "$base" --head HEAD
