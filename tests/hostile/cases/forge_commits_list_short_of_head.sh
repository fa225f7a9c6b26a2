# attack: an owner pushes a commit into someone else's pull request and approves it; the forge's list of the pull request's commits (a proxy that drops the Link header, a page lost, an answer from before the push) stops short of the head and names only the author's older commit, so the approver looks like no committer and the approval counts
# surface: range (reviews control)
# expect: block (no approval counts while who wrote the head's commits is not known)
HOSTILE_TIMEOUT=60
new_repo
start_pull_request alice '"APPROVED"'
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    source: github' \
  '    min_approvals: 1' \
  "    forge: {retries: 0, timeout_seconds: 2, github_api_url: 'http://127.0.0.1:$FORGE_PORT'}"
commit policy
write a.txt a
commit 'carol: the change'
write a.txt b
commit 'alice: pushed into the pull request'
git rev-parse HEAD HEAD~2 >"$HEAD_FILE"
printf '[{"sha":"%s","author":{"login":"carol"},"committer":{"login":"web-flow"}}]' \
  "$(git rev-parse HEAD~1)" >"$HEAD_FILE.commits"
gate block check --base HEAD~2 --pr 1 --forge-project o/r
expect_in_output 'does not reach its head'
# The whole list, alice's commit at its head: her approval is left out as a committer's.
printf '[{"sha":"%s","author":{"login":"carol"}},{"sha":"%s","author":{"login":"alice"}}]' \
  "$(git rev-parse HEAD~1)" "$(git rev-parse HEAD)" >"$HEAD_FILE.commits"
gate block check --base HEAD~2 --pr 1 --forge-project o/r
expect_in_output 'wrote commits of the change'
