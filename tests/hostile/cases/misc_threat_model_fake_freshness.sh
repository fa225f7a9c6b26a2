# attack: a change to a high-tier component whose threat model is two years old fakes the model's freshness: it bumps only the review date in the model, replaces the model by a symlink to a fresh file, narrows the component's glob in its own .riskgate.yaml, renames the code out of the glob, or dates its commits in 2099 or 1970
# surface: range (CI), threat_model control
# expect: block (a real edit of the model's content passes)
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    max_age_days: 180' '    components:' '      - name: payments' \
  "        paths: ['src/payments/**']" '        tier: high' '        models: [docs/tm/payments.md]' "        owners: ['@acme/payments']"
write src/payments/pay.py 'def pay(): pass'
model() {
  write "$1" '# payments threat model' "Last reviewed: $2" '## Assets' 'Card data of payments.' '## Actors' 'Customers, admins.' \
    '## Entry points' 'The /pay route.' '## Trust boundaries' 'Internet to API.' '## Abuse cases' "Card testing.$3" \
    '## Controls' 'Rate limits.' '## Residual risk' 'None open.'
}
model docs/tm/payments.md 2024-11-01 ''
git add -A
GIT_COMMITTER_DATE=2024-11-01T12:00:00Z GIT_AUTHOR_DATE=2024-11-01T12:00:00Z git commit -q --no-verify -m base
base=$(git rev-parse HEAD)
export CI=true
fresh_start() { git reset -q --hard "$base" && write src/payments/pay.py 'def pay(): refund_everything()'; }
# only the review date (and some spacing) of the model changes
fresh_start
model docs/tm/payments.md '  2026-11-30' ''
commit 'bump review date'
gate block check --base "$base" --head HEAD
expect_in_output 'edits only its whitespace or numbers'
# the model becomes a symlink to a complete model the change writes
fresh_start
model docs/reviewed.md 2026-11-30 ' Reviewed again.'
rm docs/tm/payments.md && ln -s ../reviewed.md docs/tm/payments.md
commit 'model by symlink'
gate block check --base "$base" --head HEAD
# the change's own policy narrows the component (CI judges by the base's policy)
fresh_start
sed -i "s|src/payments/\*\*|src/payments/none/**|" .riskgate.yaml
commit 'narrow the component'
gate block check --base "$base" --head HEAD
# the code is renamed out of the component's glob, and edited on the way
fresh_start
mkdir -p src/billing && git mv src/payments/pay.py src/billing/pay.py
write src/billing/pay.py 'def pay(): refund_everything()'
commit 'move the code'
gate block check --base "$base" --head HEAD
# commits dated in the future and at the epoch
fresh_start
git add -A
GIT_COMMITTER_DATE=2099-01-01T00:00:00Z GIT_AUTHOR_DATE=2099-01-01T00:00:00Z git commit -q --no-verify -m future
gate block check --base "$base" --head HEAD
printf 'x = 1\n' >>src/payments/pay.py
git add -A
GIT_COMMITTER_DATE='1970-01-01T00:00:01Z' GIT_AUTHOR_DATE='1970-01-01T00:00:01Z' git commit -q --no-verify -m epoch
gate block check --base "$base" --head HEAD
# sanctioned: the change reviews the model and says what it found
fresh_start
model docs/tm/payments.md 2026-11-30 ' Refunds can be abused for card testing: rate limited per card.'
commit 'review the model'
gate pass check --base "$base" --head HEAD
