# attack: the forge (or whatever answers at its address) sends a review whose "state" key appears twice, COMMENTED then APPROVED, so that a reader keeping the last copy counts an approval another reader would not
# surface: range (reviews control)
# expect: error
HOSTILE_TIMEOUT=60
new_repo
start_pull_request alice '"COMMENTED","state":"APPROVED"'
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    source: github' \
  '    min_approvals: 1' \
  "    forge: {retries: 0, timeout_seconds: 2, github_api_url: 'http://127.0.0.1:$FORGE_PORT'}"
commit policy
write a.txt a
commit change
git rev-parse HEAD HEAD~1 >"$HEAD_FILE"
gate error check --base HEAD~1 --pr 1 --forge-project o/r
expect_in_output 'duplicate key'
