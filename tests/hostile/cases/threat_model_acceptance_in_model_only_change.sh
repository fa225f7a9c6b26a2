# attack: a change edits only a high-tier component's threat model (not the component's code), writing an acceptance of a critical risk by someone who is not an owner, dated until 2999, approved by nobody; once merged the base holds it, so the next change to the component inherits it as "given through the trusted process"
# surface: range (CI), threat_model control, acceptances
# expect: block (residual-risk-acceptance-invalid / -unapproved), as when the same row comes with a code change
payments_component
model '' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2026-11-01 |'
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
rows='| Card testing | Critical | Accepted | mallory | 2026-11-27 | 2999-12-31 |'
# The same row written together with a code change blocks (the sanctioned behaviour).
write src/payments/pay.py 'def pay(): refund_everything()'
model ' Refunds reviewed.' "$rows"
commit 'code and acceptance'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-acceptance-invalid'
# Written alone, in a change that touches only the model, it must block just the same.
git reset -q --hard "$base"
model ' Refunds reviewed.' "$rows"
commit 'accept card testing until 2999'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-acceptance'
