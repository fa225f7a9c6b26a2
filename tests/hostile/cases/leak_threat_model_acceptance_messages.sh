# attack: the new acceptance findings quote a residual risk's title, status and owner from the model; a change writes a token into them (and drops a risk whose title holds one) so that the findings print it
# surface: range (CI), threat_model control, every output format
# expect: block, with no token in any output
payments_component
token=$(fake_github_token)
plant "$token"
model '' "| Card testing $token | Critical | Accepted | @acme/payments | 2026-08-01 | 2027-01-01 |"
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
write src/payments/pay.py 'def pay(): refund_everything()'
# The base's risk dropped (its title holds the token), a new acceptance by the token as owner.
model ' Refunds reviewed.' "| Replay | Critical | Accepted $token | $token | 2026-11-27 | 2026-12-20 |"
commit 'refunds'
for format in text json sarif github gitlab markdown junit; do
  gate block check --base "$base" --head HEAD --format "$format"
done
expect_in_output "residual-risk-dropped-unapproved"
gate block check --base "$base" --head HEAD --format json
expect_in_output "residual-risk-acceptance-invalid"
expect_in_output "Card testing"
