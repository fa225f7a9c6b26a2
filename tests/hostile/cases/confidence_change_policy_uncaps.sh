# attack: the change's own policy says every confidence decides at most pass (controls.secrets.max_decision), hoping a CI range run judges it by that policy
# surface: range
# expect: block
new_repo
write README.md hello
commit init
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
write .riskgate.yaml 'version: 1' 'controls:' '  secrets:' '    max_decision: {high: pass, medium: pass, low: pass}'
write app.env "GITHUB_TOKEN=$token"
commit 'relax and leak'
CI=true gate block check --base "$base" --format json
expect_in_output '"decision": "block"'
