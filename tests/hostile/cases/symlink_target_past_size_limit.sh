# attack: a symlink whose target text (its blob) is larger than limits.max_file_bytes and holds a token: it was listed as "skipped (symlink)", not as too large, so its target was not scanned and on_unscanned (block in CI) did not apply
# surface: range (CI), staged, history
# expect: block in CI; elsewhere an unscanned-file finding (too_large) that names the link
base_repo
token=$(fake_github_token)
plant "$token"
# git stores (and pushes) a link blob of any size; the forge shows it as text.
blob=$({ printf 'GITHUB_TOKEN=%s\n' "$token"; head -c 2200000 /dev/zero | tr '\0' 'a'; } |
  git hash-object -w --stdin)
git update-index --add --cacheinfo "120000,$blob,deploy-key"
# too_large_reported: the JSON report in $GATE_OUT lists deploy-key as too large, with a finding.
too_large_reported() {
  python3 - "$GATE_OUT" <<'PY' || fail "deploy-key was not reported as too large: $(head -c 3000 "$GATE_OUT")"
import json, sys
report = json.load(open(sys.argv[1]))
skipped = [s for s in report["scope"]["skipped"] if s["path"] == "deploy-key"]
assert skipped and skipped[0]["reason"] == "too_large", skipped
assert any(f["control"] == "unscanned" and f["path"] == "deploy-key" for f in report["findings"])
PY
}
gate pass check --staged --format json
too_large_reported
git commit -q --no-verify -m 'add link'
CI=true gate block check --base "$base" --head HEAD
CI=true gate block check --base "$base" --head HEAD --format json
too_large_reported
gate pass history --format json
too_large_reported
