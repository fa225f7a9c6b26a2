# attack: a change deletes one of a high-tier component's two threat models, which holds a Critical risk accepted by an owner, and writes the same threat into the other model as a Low risk accepted by mallory until 2999; the deleted risk counts as moved, and the new row is judged by its own Low severity, below residual_severity
# surface: range (CI), threat_model control, residual risks across a component's models
# expect: block (residual-risk-dropped-unapproved): a row moved with another severity, owner or dates is not the risk the base held
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    enabled: false' '    source: trailers' \
  '    teams:' "      '@acme/payments': [alice]" '  threat_model:' '    max_age_days: 180' \
  '    residual_severity: high' '    components:' '      - name: payments' \
  "        paths: ['src/payments/**']" '        tier: high' \
  '        models: [docs/tm/payments.md, docs/tm/api.md]' "        owners: ['@acme/payments']"
write src/payments/pay.py 'def pay(): pass'
model '' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2027-02-01 |'
api_model() {
  write docs/tm/api.md '# payments api threat model' '## Assets' 'Tokens.' '## Actors' 'Clients.' \
    '## Entry points' 'The API.' '## Trust boundaries' 'Internet to API.' '## Abuse cases' \
    'Replay.' '## Controls' 'Nonces.' '## Residual risk' '' \
    '| Threat | Severity | Status | Owner | Accepted | Expires |' '|---|---|---|---|---|---|' "$@"
}
api_model '| Replay | Medium | Open | @acme/payments | | |'
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
git rm -q docs/tm/payments.md
api_model '| Replay | Medium | Open | @acme/payments | | |' \
  '| Card testing | Low | Accepted | mallory | 2026-11-27 | 2999-12-31 |'
commit 'fold the payments model into the api model'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-dropped-unapproved'
expect_in_output 'the change deletes the model'
