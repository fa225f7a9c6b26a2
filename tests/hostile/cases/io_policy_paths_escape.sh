# attack: the policy names threat models and the waiver file outside the repository (.., absolute, a symlinked folder) so that threat-model init and waive write there
# surface: worktree, threat-model init, waive
# expect: error
new_repo
write src/a.c 'int a;'
write .riskgate.yaml 'version: 1' 'waivers:' '  file: ../escaped-waivers.yaml'
commit init
gate error check --worktree
expect_in_output "waivers.file: '../escaped-waivers.yaml' leaves the repository"
gate error waive --fingerprint 0123456789abcdef --reason r --owner o --approver a --expires 2099-01-01
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    components:' \
  '      - name: core' "        paths: ['src/**']" '        tier: low' \
  "        models: [docs/../../escaped.md, $HOSTILE_WORK/abs.md]"
gate error threat-model init core
expect_in_output "leaves the repository"
expect_in_output "is absolute"
mkdir -p "$HOSTILE_WORK/outside"
ln -s "$HOSTILE_WORK/outside" docs
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    components:' \
  '      - name: core' "        paths: ['src/**']" '        tier: low' '        models: [docs/core.md]'
gate error threat-model init core
expect_in_output 'leads outside the repository'
[ -z "$(ls -A "$HOSTILE_WORK/outside")" ] || fail "threat-model init wrote through a symlinked folder"
[ ! -e "$HOSTILE_WORK/escaped.md" ] && [ ! -e "$HOSTILE_WORK/escaped-waivers.yaml" ] ||
  fail "a file was written outside the repository"
