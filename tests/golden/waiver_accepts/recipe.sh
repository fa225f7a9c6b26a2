# The base accepts one finding by fingerprint (a revoked Stripe key kept as a test fixture);
# the range then adds that key. The finding stays listed, passes, and names its waiver.
printf 'app\n' > README.md
mkdir -p .riskgate
cat > .riskgate/waivers.yaml <<'YAML'
version: 1
waivers:
  - id: W-7
    control: secrets
    rule: stripe-secret-key
    fingerprint: 201e371ee9dc1cabc61d5aa9e2f97542
    reason: revoked key kept as a fixture of the billing tests
    owner: billing-team
    approver: sec-lead
    created: 2026-11-20
    expires: 2026-12-15
    ticket: SEC-431
YAML
git add -A && git commit -qm base && git tag base
mkdir -p tests/fixtures
printf 'STRIPE_KEY=%s\n' "$SECRET_1" > tests/fixtures/billing.env
git add -A && git commit -qm "billing fixture"
