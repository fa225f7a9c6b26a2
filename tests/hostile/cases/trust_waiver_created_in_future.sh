# attack: a waiver dated in the future fits max_days on paper but stays active for decades
# surface: staged
# expect: block
new_repo
write .riskgate.yaml 'version: 1' 'waivers:' '  approvers: {critical: ["*"]}'
commit base
token=$(fake_github_token)
plant "$token"
write config.env "TOKEN=$token"
git add -A
export RISKGATE_NOW=2026-11-27
write .riskgate/waivers.yaml 'version: 1' 'waivers:' '  - id: W-future' '    rule: github-pat-classic' \
  '    reason: later' '    owner: me' '    approver: me' '    created: 2099-01-01' '    expires: 2099-01-30'
gate block check --staged
expect_in_output 'waiver-not-yet-valid'
# A time zone on the date is refused outright.
write .riskgate/waivers.yaml 'version: 1' 'waivers:' '  - id: W-tz' '    rule: github-pat-classic' \
  '    reason: later' '    owner: me' '    approver: me' '    created: 2026-11-27T00:00:00+14:00' '    expires: 2026-12-20'
gate error check --staged
