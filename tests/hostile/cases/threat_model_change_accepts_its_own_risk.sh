# attack: a change to a high-tier component rewrites its own threat model's residual-risk table: it renews an expired acceptance to 2999, accepts a critical risk in the name of someone who is not among the component's owners, dates an acceptance in 2099, or renews it properly but with nobody's approval
# surface: range (CI), threat_model control, acceptances
# expect: block, unless one of the component's owners approved the change
payments_component
model '' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2026-11-01 |'
commit base
base=$(git rev-parse HEAD)
export CI=true RISKGATE_NOW=2026-11-27
fresh_start() { git reset -q --hard "$base" && write src/payments/pay.py 'def pay(): refund_everything()'; }
# rules_found: the rules of the findings in the JSON report in $GATE_OUT, one line.
rules_found() {
  python3 -c 'import json,sys; print(" ".join(sorted({f["rule"] for f in json.load(open(sys.argv[1]))["findings"]})))' "$GATE_OUT"
}
# expect_rule RULE: the last report holds a finding of RULE.
expect_rule() { rules_found | grep -qw -- "$1" || fail "no $1 finding: $(rules_found)"; }
# attempt MESSAGE ROW RULE: a change to the component that also writes ROW in the model blocks
# with a finding of RULE.
attempt() {
  fresh_start
  model ' Refunds reviewed.' "$2"
  commit "$1"
  gate block check --base "$base" --head HEAD --format json
  expect_rule "$3"
}
# the base's acceptance has expired: a change to the component blocks
attempt 'refunds' '| Card testing | Critical | Accepted | @acme/payments | 2026-08-01 | 2026-11-01 |' \
  residual-risk-expired
# 1. the change renews the owners' acceptance itself, for 973 years
attempt 'renew the acceptance' '| Card testing | Critical | Accepted | @acme/payments | 2026-11-27 | 2999-12-31 |' \
  residual-risk-acceptance-invalid
# 2. the change accepts the risk in the name of someone the policy does not make an owner
attempt 'mallory accepts' '| Card testing | Critical | Accepted | mallory | 2026-11-27 | 2026-12-20 |' \
  residual-risk-acceptance-invalid
# 3. an acceptance dated in the future (a waiver so dated is waiver-not-yet-valid)
attempt 'accepted later' '| Card testing | Critical | Accepted | @acme/payments | 2099-01-01 | 2099-01-30 |' \
  residual-risk-acceptance-invalid
# 4. a renewal the policy allows (an owner, today, 60 days), written by the change with nobody's
# approval: it stands only with an owner's, as a waiver the change adds does
attempt 'renew for two months' '| Card testing | Critical | Accepted | @alice | 2026-11-27 | 2027-01-26 |' \
  residual-risk-acceptance-unapproved
# 5. another spelling of the status is an acceptance all the same
attempt 'risk accepted' '| Card testing | Critical | Risk accepted | mallory | 2026-11-27 | 2999-12-31 |' \
  residual-risk-acceptance-invalid
# 6. the change marks the risk mitigated, or renames it away: the owners' call, not the change's
attempt 'mitigated' '| Card testing | Critical | Mitigated | @acme/payments | | |' \
  residual-risk-dropped-unapproved
attempt 'renamed' '| Card testing (old) | Low | Accepted | mallory | 2026-11-27 | 2999-12-31 |' \
  residual-risk-dropped-unapproved
# 4 again: the renewal ...
attempt 'renew for two months' '| Card testing | Critical | Accepted | @alice | 2026-11-27 | 2027-01-26 |' \
  residual-risk-acceptance-unapproved
# ... and with the approval of alice, a member of the owning team, it stands
git commit -q --amend --no-verify -m 'renew for two months' -m 'Approved-by: @alice'
gate pass check --base "$base" --head HEAD --format json
if rules_found | grep -q residual-risk; then fail "the approved renewal still has: $(rules_found)"; fi
