# attack: on a GitHub pull request (approvals read from the forge), the change adds a waiver naming @ciso as its approver and writes an `Approved-by: @ciso` trailer itself; the policy owner approves the pull request on GitHub, reading the gate's word that @ciso approved the waiver
# surface: range (reviews from the forge), policy guard, waiver-changed
# expect: block while @ciso has not approved on the forge: outside `source: trailers` a trailer is the author's own text (as for policy-file-changed and threat-model acceptances)
HOSTILE_TIMEOUT=60
new_repo
start_pull_request lead '"APPROVED"'
write .riskgate.yaml 'version: 1' 'policy:' '  owners: ["@lead"]' 'decisions:' '  medium: block' \
  'waivers:' '  approvers: {critical: ["@ciso"], high: ["@ciso"]}' 'controls:' '  reviews:' \
  '    source: github' '    min_approvals: 1' \
  "    forge: {retries: 0, timeout_seconds: 2, github_api_url: 'http://127.0.0.1:$FORGE_PORT'}"
commit policy
export CI=true RISKGATE_NOW=2026-11-20
waiver() {
  write .riskgate/waivers.yaml 'version: 1' 'waivers:' '  - id: W-1' '    rule: github-pat-classic' \
    "    path: 'config/**'" '    reason: fixture' '    owner: carol' '    approver: "@ciso"' \
    '    created: 2026-11-20' '    expires: 2026-12-01'
}
# Without the trailer: the waiver's approver has not approved; the run blocks.
waiver
commit 'waive tokens in config'
git rev-parse HEAD HEAD~1 >"$HEAD_FILE"
gate block check --base HEAD~1 --pr 1 --forge-project o/r
expect_in_output 'waiver-changed'
# With an Approved-by: @ciso trailer the author wrote: still only @lead approved on the forge.
git commit -q --amend --no-verify -m 'waive tokens in config' -m 'Approved-by: @ciso'
git rev-parse HEAD HEAD~1 >"$HEAD_FILE"
gate block check --base HEAD~1 --pr 1 --forge-project o/r
