# attack: the freshening is split from the code change: earlier branches that never touch the component's code (so the threat-model control never judged them) are merged into main, one only bumping the model's review date, one editing the model and reverting the edit; then a change to the component relies on the model looking updated
# surface: range (CI), threat_model control
# expect: block
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    max_age_days: 180' '    components:' '      - name: payments' \
  "        paths: ['src/payments/**']" '        tier: high' '        models: [docs/tm/payments.md]' "        owners: ['@acme/payments']"
write src/payments/pay.py 'def pay(): pass'
model() {
  write docs/tm/payments.md '# payments threat model' "Last reviewed: $1" '## Assets' 'Card data of payments.' '## Actors' 'Customers, admins.' \
    '## Entry points' 'The /pay route.' '## Trust boundaries' 'Internet to API.' '## Abuse cases' "Card testing.$2" \
    '## Controls' 'Rate limits.' '## Residual risk' 'None open.'
}
model 2024-11-01 ''
git add -A
GIT_COMMITTER_DATE=2024-11-01T12:00:00Z GIT_AUTHOR_DATE=2024-11-01T12:00:00Z git commit -q --no-verify -m base
# branch 1: only the review date
git checkout -q -b bump
model 2026-10-30 ''
commit 'bump the review date'
git checkout -q main
git merge -q --no-ff --no-edit bump
# branch 2: an edit and its revert
git checkout -q -b touch
model 2026-10-30 ' Touched.'
commit 'touch the model'
model 2026-10-30 ''
commit 'untouch the model'
git checkout -q main
git merge -q --no-ff --no-edit touch
base=$(git rev-parse HEAD)
export CI=true
write src/payments/pay.py 'def pay(): refund_everything()'
commit change
gate block check --base "$base" --head HEAD
expect_in_output 'threat-model-stale'
