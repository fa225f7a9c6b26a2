# attack: a change keeps a critical threat "Accepted" but rewrites its acceptance (a non-owner, until 2999) and relabels its Severity below residual_severity so the acceptance is never judged; or it adds a Critical row copying the title, owner and dates of a Low acceptance the base holds (never judged, being low) so that the critical one counts as inherited
# surface: range (CI), threat_model control, acceptances
# expect: block (residual-risk-acceptance-invalid / -unapproved): severity is part of what an acceptance accepts
payments_component
low='| Verbose logs | Low | Accepted | dev-team | 2026-01-01 | 2030-01-01 |'
model '' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2026-11-01 |' "$low"
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
# 1. the expired critical acceptance renewed by mallory until 2999, its severity now "Medium"
write src/payments/pay.py 'def pay(): refund_everything()'
model ' Refunds reviewed.' '| Card testing | Medium | Accepted | mallory | 2026-11-27 | 2999-12-31 |' "$low"
commit 'relabel'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-acceptance'
# 2. a critical threat accepted with the low row's title, owner and dates
git reset -q --hard "$base"
write src/payments/pay.py 'def pay(): refund_everything()'
model ' Refunds reviewed.' '| Card testing | Critical | Mitigated | @acme/payments | | |' "$low" \
  '| Verbose logs | Critical | Accepted | dev-team | 2026-01-01 | 2030-01-01 |'
commit 'critical under an old low acceptance'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-acceptance'
