# attack: --policy names the policy through a symlinked workspace, so the change's own weakened policy is read instead of the base's
# surface: range
# expect: block
new_repo
write .riskgate.yaml 'version: 1'
write README.md hello
commit base
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
write .riskgate.yaml 'version: 1' 'controls:' '  secrets:' '    enabled: false'
write deploy.sh "export GITHUB_TOKEN=$token"
commit 'quiet the gate and add a token'
ln -s "$PWD" "$HOSTILE_WORK/workspace"
gate block check --base "$base" --policy "$HOSTILE_WORK/workspace/.riskgate.yaml"
expect_in_output 'policy-file-changed'
gate block check --base "$base" --policy "$HOSTILE_WORK/workspace/nope/../.riskgate.yaml"
gate block check --base "$base" --policy "$HOSTILE_WORK/../$(basename "$HOSTILE_WORK")/workspace/.riskgate.yaml"

# The change replaces the policy with a symlink to a weak file of its own.
new_repo linked
write policies/strict.yaml 'version: 1'
ln -s policies/strict.yaml .riskgate.yaml
commit base
base=$(git rev-parse HEAD)
write weak.yaml 'version: 1' 'controls:' '  secrets:' '    enabled: false'
write policies/strict.yaml 'version: 1' 'controls:' '  secrets:' '    enabled: false'
write deploy.sh "export GITHUB_TOKEN=$token"
commit 'weaken the linked policy'
gate block check --base "$base"
rm .riskgate.yaml
ln -s weak.yaml .riskgate.yaml
commit 'point the link elsewhere'
gate block check --base "$base"
