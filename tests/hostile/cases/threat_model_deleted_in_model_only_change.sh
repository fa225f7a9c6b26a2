# attack: a change deletes a high-tier component's threat model and touches none of its code: every residual risk the model held (an accepted critical one, with its owner and expiry) is gone without any owner's approval, and the next change to the code finds no model to inherit it from
# surface: range (CI), threat_model control, residual risks
# expect: block (residual-risk-dropped-unapproved), as when the same risk is deleted from the table
payments_component
model '' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2027-02-01 |'
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
# Deleting the row alone blocks (the sanctioned behaviour).
model ''
commit 'drop card testing'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'residual-risk-dropped-unapproved'
# Deleting the whole model must block just the same.
git reset -q --hard "$base"
git rm -q docs/tm/payments.md
commit 'remove the payments threat model'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'the change deletes the model'
