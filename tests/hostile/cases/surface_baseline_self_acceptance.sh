# attack: the change adds a secret and commits a .riskgate/baseline.json that records it as pre-existing
# surface: range (CI), baseline
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write src/config.py "TOKEN = '$token'"
gate pass baseline
commit "add config and baseline it"
git ls-files --error-unmatch .riskgate/baseline.json >/dev/null || fail "baseline was not written"
gate block check --base "$base" --head HEAD
gate block check --base "$base" --head HEAD --format json
