# The payments model was last changed on 2026-01-10, more than max_age_days (90) before the
# runner's today (2026-11-27). A range changes the component's code and only bumps the model's
# review date, which is no update.
mkdir -p src/payments docs/threat-models
cat > docs/threat-models/payments.md <<'MD'
# Threat model: payments

Last reviewed: 2026-01-10

## Assets
Card tokens, the ledger.

## Actors
Customers, support staff, attackers on the internet.

## Entry points
- src/payments/charge.cc

## Trust boundaries
The API gateway.

## Abuse cases
Replay of a charge.

## Controls
Idempotency keys.

## Residual risk

| Threat | Severity | Status | Owner |
|---|---|---|---|
| Replay | high | mitigated | @acme/payments |
MD
printf 'int Charge(int cents);\n' > src/payments/charge.cc
git add -A
GIT_AUTHOR_DATE=2026-01-10T09:00:00Z GIT_COMMITTER_DATE=2026-01-10T09:00:00Z git commit -qm "payments with its model"
git tag base
printf 'int Charge(long cents);\n' > src/payments/charge.cc
sed 's/Last reviewed: 2026-01-10/Last reviewed: 2026-11-01/' docs/threat-models/payments.md > m.tmp
mv m.tmp docs/threat-models/payments.md
git add -A && git commit -qm "payments: cents are long; model reviewed"
