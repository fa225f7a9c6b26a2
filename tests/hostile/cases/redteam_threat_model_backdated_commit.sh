# attack: a change to a high-tier component whose threat model is two years old; its commit carries a forged committer date just after the model's last update (or it edits the model and reverts the edit inside the range), so the freshness check, which measures from the head commit's own date and the model's last touching commit, calls the stale model fresh
# surface: range (CI), threat_model control
# expect: block
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    max_age_days: 180' '    components:' '      - name: payments' \
  "        paths: ['src/payments/**']" '        tier: high' '        models: [docs/tm/payments.md]' "        owners: ['@acme/payments']"
write src/payments/pay.py 'def pay(): pass'
write docs/tm/payments.md '# payments threat model' '## Assets' 'Card data of payments.' '## Actors' 'Customers, admins.' \
  '## Entry points' 'The /pay route.' '## Trust boundaries' 'Internet to API.' '## Abuse cases' 'Card testing.' \
  '## Controls' 'Rate limits.' '## Residual risk' 'None open.'
git add -A
GIT_COMMITTER_DATE=2024-11-01T12:00:00Z GIT_AUTHOR_DATE=2024-11-01T12:00:00Z git commit -q --no-verify -m base
base=$(git rev-parse HEAD)
export CI=true
# control: an honestly dated change is blocked (the model is two years old)
write src/payments/pay.py 'def pay(): refund_everything()'
commit honest
gate block check --base "$base" --head HEAD
# the same change, its commit dated the day after the model
git reset -q --hard "$base"
write src/payments/pay.py 'def pay(): refund_everything()'
git add -A
GIT_COMMITTER_DATE=2024-11-02T12:00:00Z GIT_AUTHOR_DATE=2024-11-02T12:00:00Z git commit -q --no-verify -m backdated
gate block check --base "$base" --head HEAD
# the model touched and the touch reverted inside the range: no net edit to review
git reset -q --hard "$base"
write src/payments/pay.py 'def pay(): refund_everything()'
printf 'touch\n' >>docs/tm/payments.md
commit 'code and model'
git checkout -q "$base" -- docs/tm/payments.md
commit 'revert model'
gate block check --base "$base" --head HEAD
