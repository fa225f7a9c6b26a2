# attack: a change that turns off the secrets control (or adds a waiver) in .riskgate.yaml merges with only a warning
# surface: range
# expect: block
new_repo
write .riskgate.yaml 'version: 1' 'policy:' '  owners: ["@security-team-lead"]'
write README.md hello
commit base
base=$(git rev-parse HEAD)
write .riskgate.yaml 'version: 1' 'policy:' '  owners: ["@security-team-lead"]' 'decisions:' '  critical: warn' 'controls:' '  secrets:' '    enabled: false'
git add -A
git commit -q --no-verify -m 'relax the gate' -m 'Approved-by: @security-team-lead'
# In CI the change needs the owners' approval on the pull request; a trailer the author wrote
# is not one.
CI=true gate block check --base "$base"
expect_in_output 'policy-file-changed'
# On a laptop it only says whose approval CI will need.
gate pass check --base "$base"
expect_in_output '@security-team-lead'
# A waiver file added by the change goes through the same gate.
git reset -q --hard "$base"
write .riskgate/waivers.yaml 'version: 1' 'waivers:' '  - id: W-1' '    rule: github-pat-classic' \
  '    reason: mine' '    owner: me' '    approver: me' '    created: 2026-11-01' '    expires: 2026-11-30'
commit 'waive it'
CI=true gate block check --base "$base"
# CODEOWNERS decides who approves: rewriting it is a policy change too.
git reset -q --hard "$base"
write CODEOWNERS '* @author-of-the-change'
commit 'own everything myself'
CI=true gate block check --base "$base"
expect_in_output 'CODEOWNERS'
