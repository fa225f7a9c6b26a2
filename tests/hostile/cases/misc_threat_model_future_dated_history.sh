# attack: an earlier change landed on the base branch with a commit dated 2099 that touched the threat model, so the model looks updated in the future (fresh for ever); now a change to the component relies on it
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
GIT_COMMITTER_DATE=2024-11-01T12:00:00Z GIT_AUTHOR_DATE=2024-11-01T12:00:00Z git commit -q --no-verify -m model
printf 'Reviewed.\n' >>docs/tm/payments.md
git add -A
GIT_COMMITTER_DATE=2099-06-01T12:00:00Z GIT_AUTHOR_DATE=2099-06-01T12:00:00Z git commit -q --no-verify -m 'model from the future'
base=$(git rev-parse HEAD)
export CI=true
write src/payments/pay.py 'def pay(): refund_everything()'
commit change
gate block check --base "$base" --head HEAD
expect_in_output 'in the future'
