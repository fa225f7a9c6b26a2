# attack: the cloned repository's models folder is a symlink to a folder outside it, so threat-model init writes there
# surface: threat-model init
# expect: error, nothing written outside the repository
new_repo
mkdir -p "$HOSTILE_WORK/outside"
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    components:' \
  '      - name: payments' "        paths: ['src/payments/**']" '        tier: high' \
  '        models: [docs/threat-models/payments.md]' "        owners: ['@acme/payments']"
mkdir -p docs
ln -s "$HOSTILE_WORK/outside" docs/threat-models
write src/payments/pay.py 'pass'
commit init
gate error threat-model init payments
[ -z "$(ls -A "$HOSTILE_WORK/outside")" ] || fail "threat-model init wrote outside the repository: $(ls "$HOSTILE_WORK/outside")"
